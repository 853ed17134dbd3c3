using System.Diagnostics;
using System.Net.Sockets;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// Debian's HAProxy as a process on a loopback port, in front of tracker processes, with the shipped configuration
/// (ops/cluster/haproxy.cfg): only its bind address and server lines are replaced.
/// </summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HaproxyProcess(Process process, string directory, string url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public string Url { get; }

    /// <summary>HAProxy's log (one line per request, with the server chosen and the retries), for a failing test to show.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static async Task<HaproxyProcess> StartAsync(IReadOnlyList<int> nodePorts)
    {
        var port = TrackerProcess.FreePort();
        var directory = Directory.CreateTempSubdirectory("haproxy-").FullName;
        var configuration = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllLinesAsync(configuration, Configure(await File.ReadAllLinesAsync(Repository.Path("ops", "cluster", "haproxy.cfg")), port, nodePorts));

        var start = new ProcessStartInfo("haproxy", ["-db", "-f", configuration])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
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
        throw new TimeoutException("haproxy did not listen within 20 s.");
    }

    /// <summary>The shipped file with this test's listener and nodes; every other setting (checks, retries) as shipped.</summary>
    private static IEnumerable<string> Configure(IEnumerable<string> lines, int port, IReadOnlyList<int> nodePorts)
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
            else yield return line;
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
