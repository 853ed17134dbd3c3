using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// The tracker as a real operating-system process on a loopback port, for tests that kill it (SIGKILL) and start it
/// again. Runs the API assembly built next to the tests (same configuration).
/// </summary>
public sealed class TrackerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private TrackerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>What the process wrote, for a failing test to show.</summary>
    public IReadOnlyCollection<string> Output => _output;
    public int Id => _process.Id;

    /// <summary>
    /// Admission control refuses single posts once the writers fall a fifth of a second behind, which on a test machine
    /// shared with builds any burst of posts does: tests start trackers with bounds no test reaches, and only the tests
    /// of admission itself (which set their own) see refusals.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PatientAdmission = new Dictionary<string, string>
    {
        ["Ingesting:MaxQueueWait"] = "00:00:30",
        ["Ingesting:QueueWaitTarget"] = "00:00:30",
    };

    public static async Task<TrackerProcess> StartAsync(string connectionString, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var assembly = ApiAssembly();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in PatientAdmission.Concat(settings ?? new Dictionary<string, string>())) start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start)!;
        var tracker = new TrackerProcess(process, url);
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) tracker._output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) tracker._output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The tracker exited with code {process.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync($"{url}/health/ready")).StatusCode == HttpStatusCode.OK) return tracker;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await tracker.DisposeAsync();
        throw new TimeoutException("The tracker did not become ready within 60 s.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was in flight is cut.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as an orchestrator stops a node: the tracker drains and shuts down gracefully. Waits for the exit.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (SendSignal(_process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed.");
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    public bool HasExited => _process.HasExited;

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string ApiAssembly()
    {
        var testDirectory = AppContext.BaseDirectory;
        var configuration = testDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var assembly = Repository.Path("src", "DossierTracker.Api", "bin", configuration, "net10.0", "DossierTracker.Api.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the API first.", assembly);
    }
}
