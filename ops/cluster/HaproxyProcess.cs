using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace DossierTracker.Balancer;

/// <summary>
/// Debian's HAProxy as a process on a loopback port in front of tracker processes, with the shipped configuration
/// (ops/cluster/haproxy.cfg): only its bind address and server lines are replaced, so the checks and retries measured
/// and tested are the ones compose runs. One source file, linked into the cluster tests and the cluster benchmark.
/// </summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _output = new();

    private HaproxyProcess(Process process, string directory, string url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public string Url { get; }

    /// <summary>HAProxy's log (one line per request, with the server chosen and the retries), for a failing test to show.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <param name="requestLog">False drops the shipped log lines: a benchmark does not write a line per request.</param>
    public static async Task<HaproxyProcess> StartAsync(string shippedConfiguration, int port, IReadOnlyList<int> nodePorts, bool requestLog = true)
    {
        var directory = Directory.CreateTempSubdirectory("haproxy-").FullName;
        var configuration = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllLinesAsync(configuration, Configure(await File.ReadAllLinesAsync(shippedConfiguration), port, nodePorts, requestLog));

        var start = new ProcessStartInfo("haproxy", ["-db", "-f", configuration])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy did not start (is Debian's haproxy package installed?).");
        var haproxy = new HaproxyProcess(process, directory, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) haproxy._output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) haproxy._output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"haproxy exited with code {process.ExitCode}: {string.Join('\n', haproxy._output)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return haproxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await haproxy.DisposeAsync();
        throw new TimeoutException($"haproxy did not listen on {port} within 20 s.");
    }

    /// <summary>The shipped file with this listener and these nodes; every other setting (checks, retries) as shipped.</summary>
    private static IEnumerable<string> Configure(IEnumerable<string> lines, int port, IReadOnlyList<int> nodePorts, bool requestLog)
    {
        var serversWritten = false;
        foreach (var line in lines)
        {
            var setting = line.TrimStart();
            if (setting.StartsWith("bind ", StringComparison.Ordinal)) yield return $"    bind 127.0.0.1:{port}";
            else if (setting.StartsWith("server ", StringComparison.Ordinal))
            {
                if (serversWritten) continue;
                serversWritten = true;
                for (var i = 0; i < nodePorts.Count; i++) yield return $"    server node-{i + 1} 127.0.0.1:{nodePorts[i]} check";
            }
            else if (requestLog || !(setting.StartsWith("log ", StringComparison.Ordinal) || setting.StartsWith("option httplog", StringComparison.Ordinal))) yield return line;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
