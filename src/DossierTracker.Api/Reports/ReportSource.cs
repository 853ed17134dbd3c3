namespace DossierTracker.Api.Reports;

/// <summary>
/// Where the dossiers of a report figure are found for a window [start, end): two flows over
/// <c>tracker.dossiers</c> and two stocks over <c>tracker.dossier_phases</c> (the phase containing the instant).
/// </summary>
public enum ReportSource
{
    /// <summary>Dossiers received in the window (<c>received_at</c>).</summary>
    Receipts,
    /// <summary>Dossiers closed in the window: completed, withdrawn or stopped (<c>closed_at</c>).</summary>
    Closes,
    /// <summary>Dossiers open at the window's start: received before it, not closed before it.</summary>
    StockAtStart,
    /// <summary>Dossiers open at the window's end, judged by the events strictly before it.</summary>
    StockAtEnd,
}
