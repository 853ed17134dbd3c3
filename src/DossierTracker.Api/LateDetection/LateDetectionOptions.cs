namespace DossierTracker.Api.LateDetection;

/// <summary>Configuration section <c>LateDetection</c>.</summary>
public sealed class LateDetectionOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 15;
}
