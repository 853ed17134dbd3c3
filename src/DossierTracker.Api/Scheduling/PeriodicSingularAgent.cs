using Wolverine.Runtime.Agents;

namespace DossierTracker.Api.Scheduling;

/// <summary>
/// Periodic work on one node of the cluster at a time: a Wolverine singular agent, which the elected leader assigns to
/// one live node and moves to another when that node dies. It runs once as it starts (catching up what fell due while
/// no node ran it), then every <see cref="Interval"/> until it stops; a failed run is logged and tried at the next tick.
/// The late sweep, the due-soon sweep and the daily digests are such agents.
/// </summary>
public abstract class PeriodicSingularAgent(string name, ILogger logger) : SingularAgent(name)
{
    private readonly string _name = name;
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;

    /// <summary>False when the feature is switched off: the agent is still assigned, and does nothing.</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run of the work (the subclass logs what it did).</summary>
    protected abstract Task RunOnceAsync(CancellationToken stopping);

    protected sealed override Task startAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => RunPeriodicallyAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    protected sealed override async Task stopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null) return;
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
        _stopping = null;
    }

    private async Task RunPeriodicallyAsync(CancellationToken stopping)
    {
        var interval = Interval;
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The {Agent} agent failed; it runs again in {Seconds} s", _name, interval.TotalSeconds);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
