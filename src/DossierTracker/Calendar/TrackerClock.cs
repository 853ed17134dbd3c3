namespace DossierTracker.Calendar;

/// <summary>
/// The business clock: "now" for due checks, late detection and the future-event rule. Kept apart from the framework's
/// TimeProvider so tests can move business time without freezing Wolverine's or Marten's own timers.
/// </summary>
public sealed class TrackerClock(TimeProvider provider)
{
    public TimeProvider Provider { get; } = provider;

    public DateTimeOffset Now => Provider.GetUtcNow();
}
