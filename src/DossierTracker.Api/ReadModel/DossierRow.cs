using DossierTracker.Dossiers;

namespace DossierTracker.Api.ReadModel;

/// <summary>A dossier's history as periods (From, To] — To null while open — each with its due time and clock state.</summary>
public sealed record DossierPeriod(DateTimeOffset From, DateTimeOffset? To, DateTimeOffset DueAt, bool Paused)
{
    public static IReadOnlyList<DossierPeriod> Of(Dossier dossier)
    {
        var periods = new List<DossierPeriod>(dossier.Phases.Count);
        for (var i = 0; i < dossier.Phases.Count; i++)
        {
            var phase = dossier.Phases[i];
            var to = i + 1 < dossier.Phases.Count ? dossier.Phases[i + 1].From : dossier.ClosedAt;
            if (to is { } end && dossier.ClosedAt is { } closed && end > closed) to = closed;
            if (dossier.ClosedAt is { } closedAt && phase.From >= closedAt) break;
            if (to is { } t && t <= phase.From) continue;
            periods.Add(new DossierPeriod(phase.From, to, phase.DueAt, phase.IsPaused));
        }
        return periods;
    }
}
