using System.Diagnostics;

namespace DossierTracker.LoadBench;

/// <summary>A tracker build started by the benchmark itself (e.g. the baseline build), stopped when disposed.</summary>
public sealed class TrackerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private TrackerProcess(Process process) => _process = process;

    public static async Task<TrackerProcess> StartAsync(string apiDll, string url, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The project directory, as ops/bench/run starts the tracker under test (content root of the dashboard).
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(apiDll)!, "../../..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { apiDll },
            Environment =
            {
                ["ConnectionStrings__Marten"] = connectionString, ["ASPNETCORE_URLS"] = url, ["RateLimiting__Enabled"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{apiDll} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var tracker = new TrackerProcess(process);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 180; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"{apiDll} exited with {process.ExitCode} before it was ready.");
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode) return tracker;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(1000);
        }
        await tracker.DisposeAsync();
        throw new InvalidOperationException($"{apiDll} was not ready on {url} within 3 minutes.");
    }

    public int Id => _process.Id;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
