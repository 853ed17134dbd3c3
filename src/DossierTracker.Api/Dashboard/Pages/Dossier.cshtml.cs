using System.Text.Json;
using DossierTracker.Api.Dashboard.Charts;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Dossiers;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// One dossier and why it is late (or not): its due times before and after pauses, each pause, the apology, the
/// completion and both verdicts, with the time line. Read by the API's <see cref="DossierReader"/> from the event
/// stream; outside the user's scope a dossier does not exist, as in the API.
/// </summary>
public sealed class DossierModel(DossierReader reader, TrackerClock clock) : DashboardPageModel
{
    public override string PageTitle => Text.Format(Text.DossierTitleFormat, Dossier.DossierCode);

    public DossierView Dossier { get; private set; } = null!;
    public DossierTimeline Timeline { get; private set; } = null!;
    public DateTimeOffset Now { get; } = clock.Now;

    /// <summary>Working hours the pauses moved the due time by; null when the due time did not move later.</summary>
    public double? DueMovedHours { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(code, User.ScopeUnitCode(), cancellationToken) is not { } dossier)
            return Refuse(StatusCodes.Status404NotFound, Text.Format(Text.ErrorDossierNotFoundFormat, code));
        Dossier = dossier;
        Timeline = DossierTimeline.Of(dossier, ReferenceData.Calendar, Now, Text);
        if (dossier.DueAt > dossier.OriginalDueAt)
            DueMovedHours = Math.Round(ReferenceData.Calendar.WorkingTimeBetween(dossier.OriginalDueAt, dossier.DueAt).TotalHours, 2);
        return Page();
    }

    /// <summary>The one-sentence answer to "why is it late", and whether it is bad news.</summary>
    public (string Sentence, bool Late) Verdict => Dossier switch
    {
        { Status: DossierStatus.Withdrawn } => (Text.VerdictWithdrawn, false),
        { Status: DossierStatus.Stopped } => (Text.VerdictStopped, false),
        { Result: CompletionResult.Late } d => (Text.Format(Text.Lists.VerdictCompletedLateFormat, Text.Lists.Duration(d.OverdueWorkingHours)), true),
        { Result: CompletionResult.OnTime } => (Text.VerdictCompletedOnTime, false),
        { Result: CompletionResult.Early } => (Text.VerdictCompletedEarly, false),
        { Overdue: true } d => (Text.Format(Text.Lists.VerdictOverdueFormat, Text.Lists.Duration(d.OverdueWorkingHours)), true),
        { Status: DossierStatus.Paused } => (Text.VerdictPaused, false),
        _ => (Text.VerdictRunning, false),
    };

    /// <summary>An event field's name; <c>handlerName</c> came with the lists for people, whose words it uses.</summary>
    public string FieldLabel(string name) => name == "handlerName" ? Text.Lists.HandlerNameField : Text.EventFieldName(name);

    /// <summary>An event field's value as a reader wants it: names for codes, local times, words for enums.</summary>
    public string FieldValue(string name, object? value) => (name, value) switch
    {
        ("unitCode", string code) => ReferenceData.Units.Find(code) is { } unit ? Describe(unit) : code,
        ("procedureCode", string code) => ReferenceData.Procedures.TryGetValue(code, out var procedure) ? $"{procedure.Name} ({code})" : code,
        (_, DateTimeOffset instant) => Text.Instant(instant),
        (_, bool flag) => flag ? Text.Yes : Text.No,
        (_, Channel channel) => Text.Channels[channel],
        (_, PauseReason reason) => Text.PauseReasons[reason],
        (_, Outcome outcome) => Text.Outcomes[outcome],
        (_, JsonElement element) => element.ToString(),
        _ => value?.ToString() ?? DashboardText.Missing,
    };
}
