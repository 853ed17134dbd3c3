namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>
/// Stages that run at once, joined by bounded channels (each completes its output, with the exception when it fails):
/// the first failure cancels the others, so a stage blocked on a full channel does not wait for ever, and is the one
/// reported.
/// </summary>
internal static class Pipeline
{
    public static async Task RunAsync(CancellationToken cancellation, params Func<CancellationToken, Task>[] stages)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var running = stages.Select(stage => Task.Run(async () =>
        {
            try
            {
                await stage(stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(running);
        }
        catch
        {
            var failures = running.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
            var cause = failures.FirstOrDefault(e => e is not OperationCanceledException) ?? failures.FirstOrDefault();
            if (cause is null) throw;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        }
    }
}
