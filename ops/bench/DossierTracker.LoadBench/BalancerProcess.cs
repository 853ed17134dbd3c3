using System.Diagnostics;
using System.Net.Sockets;

namespace DossierTracker.LoadBench;

/// <summary>Debian's HAProxy with the shipped ops/cluster/haproxy.cfg, its listener and servers set for this machine.</summary>
public sealed class BalancerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _configuration;

    private BalancerProcess(Process process, string configuration)
    {
        _process = process;
        _configuration = configuration;
    }

    public int Id => _process.Id;

    public static async Task<BalancerProcess> StartAsync(string shippedConfiguration, int port, IReadOnlyList<int> nodePorts)
    {
        var configuration = Path.Combine(Path.GetTempPath(), $"bench-haproxy-{Environment.ProcessId}-{port}.cfg");
        var lines = (await File.ReadAllLinesAsync(shippedConfiguration)).Where(l => !l.TrimStart().StartsWith("server ", StringComparison.Ordinal))
            .Select(l => l.TrimStart().StartsWith("bind ", StringComparison.Ordinal) ? $"    bind 127.0.0.1:{port}" : l)
            // The shipped log line writes one line per request to stdout: off while measuring.
            .Where(l => !l.TrimStart().StartsWith("log ", StringComparison.Ordinal) && !l.TrimStart().StartsWith("option httplog", StringComparison.Ordinal))
            .Concat(nodePorts.Select((p, i) => $"    server node-{i + 1} 127.0.0.1:{p} check"));
        await File.WriteAllLinesAsync(configuration, lines);
        var process = Process.Start(new ProcessStartInfo("haproxy", ["-db", "-f", configuration]) { RedirectStandardOutput = true, RedirectStandardError = true })
                      ?? throw new InvalidOperationException("haproxy did not start (is Debian's haproxy package installed?).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"haproxy exited with {process.ExitCode}; check {configuration}.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return new BalancerProcess(process, configuration);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"haproxy did not listen on {port}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_configuration);
    }
}
