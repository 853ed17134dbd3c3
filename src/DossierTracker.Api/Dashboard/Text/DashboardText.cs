using System.Globalization;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.Text;

/// <summary>
/// Every word the dashboard shows, one instance per language (<see cref="Vietnamese"/>, <see cref="English"/>).
/// Properties are <c>required</c>, so a string missing in one language does not compile. Formats take
/// <see cref="string.Format(IFormatProvider, string, object[])"/> placeholders. Official terms follow form 06 and
/// Decision 766.
/// </summary>
public sealed partial class DashboardText
{
    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }

    // Layout
    public required string AppName { get; init; }
    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string NavOverview { get; init; }
    public required string NavUnits { get; init; }
    public required string NavLate { get; init; }
    public required string NavDueSoon { get; init; }
    public required string NavReport { get; init; }
    public required string SignedInAs { get; init; }
    public required string ScopeLabel { get; init; }
    public required string ViewingUnit { get; init; }
    public required string UnitPath { get; init; }
    public required string BackToMyUnit { get; init; }
    public required string SignOut { get; init; }
    public required string OtherLanguageName { get; init; }
    public required string SwitchLanguage { get; init; }
    public required string Footer { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }

    // Sign-in
    public required string SignInTitle { get; init; }
    public required string SignInIntro { get; init; }
    public required string KeyLabel { get; init; }
    public required string KeyHint { get; init; }
    public required string SignInButton { get; init; }
    public required string SignInMissingKey { get; init; }
    public required string SignInUnknownKey { get; init; }
    public required string SignInWrongRole { get; init; }
    public required string SignInThrottled { get; init; }
    public required string SignedOut { get; init; }

    // Overview
    public required string OverviewTitle { get; init; }
    public required string MonthLabel { get; init; }
    public required string Show { get; init; }
    public required string OnTimeRate { get; init; }
    public required string OnTimeRateDetailFormat { get; init; }
    public required string Points766 { get; init; }
    public required string Points766DetailFormat { get; init; }
    public required string OverdueNow { get; init; }
    public required string OverdueNowDetail { get; init; }
    public required string DueSoon { get; init; }
    public required string DueSoonDetail { get; init; }
    public required string ResolvedLateInMonth { get; init; }
    public required string ResolvedLateDetail { get; init; }
    public required string KeyFigures { get; init; }
    public required string TrendTitle { get; init; }
    public required string TrendDescriptionFormat { get; init; }
    public required string TrendTable { get; init; }
    public required string Indicator766 { get; init; }
    public required string RankingTitle { get; init; }
    public required string RankingNote { get; init; }
    public required string NoUnitsBelow { get; init; }
    public required string NoUnitsInMonth { get; init; }
    public required string UnitsWithoutDossiersLabel { get; init; }
    public required string Rank { get; init; }
    public required string UnitHeading { get; init; }
    public required string Received { get; init; }
    public required string Resolved { get; init; }
    public required string ResolvedLate { get; init; }
    public required string Form06 { get; init; }

    // Organisation
    public required string UnitsTitle { get; init; }
    public required string UnitsIntro { get; init; }
    public required string UnitsBelowFormat { get; init; }
    public required string ValidFromFormat { get; init; }
    public required string ReportRecipientFormat { get; init; }
    public required string ValidUntilFormat { get; init; }
    /// <summary>On a ceased unit: {0} its successor, {1} the first day the successor took over.</summary>
    public required string MergedIntoFormat { get; init; }
    /// <summary>{0} the predecessors' names.</summary>
    public required string TakenOverFromFormat { get; init; }
    /// <summary>The banner on a ceased unit's pages: {0} its successor, {1} the first day the successor took over.</summary>
    public required string CeasedMergedFormat { get; init; }
    /// <summary>The banner on a ceased unit without a successor: {0} the first day it no longer existed.</summary>
    public required string CeasedFormat { get; init; }
    public required string Selected { get; init; }

    // Lists
    public required string LateTitle { get; init; }
    public required string LateIntro { get; init; }
    public required string DueSoonTitle { get; init; }
    public required string DueSoonIntro { get; init; }
    public required string Filters { get; init; }
    public required string StateLabel { get; init; }
    public required string StateOpen { get; init; }
    public required string StateCompleted { get; init; }
    public required string StateAll { get; init; }
    public required string FromLabel { get; init; }
    public required string ToLabel { get; init; }
    public required string DateRangeHint { get; init; }
    public required string DueSoonDateRangeHint { get; init; }
    public required string ProcedureLabel { get; init; }
    public required string AllProcedures { get; init; }
    public required string ChannelLabel { get; init; }
    public required string AllChannels { get; init; }
    public required string SortLabel { get; init; }
    public required string SortOverdue { get; init; }
    public required string SortDueAt { get; init; }
    public required string SortReceivedAt { get; init; }
    public required string WithinHoursLabel { get; init; }
    public required string Apply { get; init; }
    public required string ResetFilters { get; init; }
    public required string DownloadCsv { get; init; }
    public required string DossierCountFormat { get; init; }
    public required string NoDossiers { get; init; }
    public required string DossierCode { get; init; }
    public required string ProcedureHeading { get; init; }
    public required string FieldHeading { get; init; }
    public required string ChannelHeading { get; init; }
    public required string ReceivedAt { get; init; }
    public required string DueAt { get; init; }
    public required string CompletedAt { get; init; }
    public required string Handler { get; init; }
    public required string ApologyColumn { get; init; }
    public required string Pagination { get; init; }
    public required string PageOfFormat { get; init; }
    public required string PreviousPage { get; init; }
    public required string NextPage { get; init; }

    // Dossier
    public required string DossierTitleFormat { get; init; }
    public required string WhyTitle { get; init; }
    public required string StatusHeading { get; init; }
    public required string OriginalDue { get; init; }
    public required string EffectiveDue { get; init; }
    public required string OriginalDueShort { get; init; }
    public required string EffectiveDueShort { get; init; }
    public required string Closed { get; init; }
    public required string ResultHeading { get; init; }
    public required string Verdict766 { get; init; }
    public required string OnTime766 { get; init; }
    public required string NotOnTime766 { get; init; }
    public required string NotJudgedYet { get; init; }
    public required string HoursFormat { get; init; }
    public required string Pauses { get; init; }
    public required string NoPauses { get; init; }
    public required string PauseFrom { get; init; }
    public required string PauseTo { get; init; }
    public required string PauseReasonLabel { get; init; }
    public required string PauseHours { get; init; }
    public required string StillPaused { get; init; }
    public required string ApologyHeading { get; init; }
    public required string ApologyIssued { get; init; }
    public required string ApologyNotIssued { get; init; }
    public required string NewAppointment { get; init; }
    public required string ApologyNote { get; init; }
    public required string VerdictCompletedOnTime { get; init; }
    public required string VerdictCompletedEarly { get; init; }
    public required string VerdictRunning { get; init; }
    public required string VerdictPaused { get; init; }
    public required string VerdictWithdrawn { get; init; }
    public required string VerdictStopped { get; init; }
    public required string TimelineTitle { get; init; }
    public required string TimelineDescriptionFormat { get; init; }
    public required string NonWorkingTime { get; init; }
    public required string NonWorkingDays { get; init; }
    public required string PauseBand { get; init; }
    public required string Now { get; init; }
    public required string Events { get; init; }
    public required string EventTime { get; init; }
    public required string EventType { get; init; }
    public required string EventDetails { get; init; }
    public required string EventSource { get; init; }
    public required string RecordedAt { get; init; }
    public required string SourceOneStop { get; init; }
    public required string SourceTracker { get; init; }
    public required string SourceNationalPortal { get; init; }
    public required string ComputedByTracker { get; init; }
    public required IReadOnlyDictionary<string, string> EventFieldNames { get; init; }
    /// <summary>Names by event type; <c>late</c> is named for what a one-stop system sends with it, an apology.</summary>
    public required IReadOnlyDictionary<string, string> EventTypeNames { get; init; }
    /// <summary>The tracker's own <c>late</c> event, recorded at the due time it detected was passed.</summary>
    public required string TrackerLateEvent { get; init; }

    // Report
    public required string ReportTitle { get; init; }
    public required string DownloadXlsx { get; init; }
    public required string ReportOptions { get; init; }
    public required string PeriodKindLabel { get; init; }
    /// <summary>Names of the picker's kinds, by <see cref="ReportPage.PeriodPicker"/>'s kind values.</summary>
    public required IReadOnlyDictionary<string, string> PeriodKinds { get; init; }
    public required string YearLabel { get; init; }
    public required string QuarterLabel { get; init; }
    public required string HalfLabel { get; init; }
    public required IReadOnlyList<string> QuarterNames { get; init; }
    public required IReadOnlyList<string> HalfNames { get; init; }
    public required string DateFormatHint { get; init; }
    public required string CutoffLabel { get; init; }
    public required string CutoffCalendar { get; init; }
    public required string CutoffOfficial { get; init; }
    public required string CutoffHint { get; init; }
    public required string RowsLabel { get; init; }
    public required string RowsByUnit { get; init; }
    public required string RowsByField { get; init; }
    public required string RowsByProcedure { get; init; }
    public required string CompareLabel { get; init; }
    public required string CompareNone { get; init; }
    public required string ComparePrevious { get; init; }
    public required string CompareLastYear { get; init; }
    public required string ErrorSummary { get; init; }
    public required IReadOnlyDictionary<ReportPage.ReportQueryProblem, string> QueryProblems { get; init; }
    public required string TrendProvisionalFormat { get; init; }
    public required string PeriodDatesFormat { get; init; }
    public required string FiltersPrintedFormat { get; init; }
    public required string ComparisonTitleFormat { get; init; }
    /// <summary>The heading of the compared period's column, short: it repeats for every compared figure.</summary>
    public required IReadOnlyDictionary<ReportComparison, string> ComparedColumns { get; init; }
    public required string ThisPeriod { get; init; }
    public required string Change { get; init; }
    public required string Increase { get; init; }
    public required string Decrease { get; init; }
    public required string Unchanged { get; init; }
    public required string PercentagePoints { get; init; }
    /// <summary>Each figure by its form 06 column, with the column's number as the page numbers it.</summary>
    public required IReadOnlyDictionary<ReportColumn, string> ColumnNames { get; init; }
    public required string DrilldownTitle { get; init; }
    public required string DrilldownFigure { get; init; }
    public required string DrilldownRow { get; init; }
    public required string DrilldownPeriod { get; init; }
    public required string DrilldownReportUnit { get; init; }
    public required string DrilldownBackToReport { get; init; }
    public required string DrilldownNote { get; init; }
    public required string ClosedAt { get; init; }
    public required string ResultColumn { get; init; }
    public required string OnTime766Column { get; init; }

    // Errors
    public required string ErrorTitleBadRequest { get; init; }
    public required string ErrorTitleForbidden { get; init; }
    public required string ErrorTitleNotFound { get; init; }
    public required string ErrorTitleOther { get; init; }
    public required string ErrorBadRequest { get; init; }
    public required string ErrorForbidden { get; init; }
    public required string ErrorNotFound { get; init; }
    public required string ErrorOther { get; init; }
    public required string ErrorTooLarge { get; init; }
    public required string ErrorUnitOutsideScopeFormat { get; init; }
    public required string ErrorUnknownUnitFormat { get; init; }
    public required string ErrorDossierNotFoundFormat { get; init; }
    public required string ErrorInvalidParameters { get; init; }
    public required string BackToOverview { get; init; }

    // Values of the domain's enums
    public required IReadOnlyDictionary<Channel, string> Channels { get; init; }
    public required IReadOnlyDictionary<DossierStatus, string> Statuses { get; init; }
    public required IReadOnlyDictionary<PauseReason, string> PauseReasons { get; init; }
    public required IReadOnlyDictionary<CompletionResult, string> Results { get; init; }
    public required IReadOnlyDictionary<Outcome, string> Outcomes { get; init; }
    public required IReadOnlyDictionary<UnitLevel, string> Levels { get; init; }

    public static DashboardText For(string language) => language == English.Language ? English : Vietnamese;

    public string Format(string format, params object?[] values) => string.Format(Culture, format, values);

    public string Of(LateState state) => state switch
    {
        LateState.Completed => StateCompleted,
        LateState.All => StateAll,
        _ => StateOpen,
    };

    public string Of(ListSort sort) => sort switch
    {
        ListSort.DueAt => SortDueAt,
        ListSort.ReceivedAt => SortReceivedAt,
        _ => SortOverdue,
    };

    public string Source(string source) => source switch
    {
        EventSources.Tracker => SourceTracker,
        EventSources.NationalPortal => SourceNationalPortal,
        EventSources.OneStop => SourceOneStop,
        _ => source,
    };

    // A one-stop system sends late with its apology, before the due time; the tracker records late once the due time has passed.
    public string EventTypeName(string type, string source) =>
        type == EventTypes.Late && source == EventSources.Tracker ? TrackerLateEvent : EventTypeNames.GetValueOrDefault(type, type);

    public string EventFieldName(string field) => EventFieldNames.GetValueOrDefault(field, field);

    // Numbers and times, in the language's conventions; times always in Vietnam's local time.
    public const string Missing = "—";

    public string Count(int value) => value.ToString("N0", Culture);

    public string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.0", Culture) + "%" : Missing;

    public string Points(double? points) => points is { } p ? p.ToString("0.00", Culture) : Missing;

    public string Hours(double hours) => hours.ToString("0.##", Culture);

    public string Instant(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public string Instant(DateTimeOffset? instant) => instant is { } value ? Instant(value) : Missing;

    public string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"hh:mm dd/mm/yyyy", the order of "số liệu tạm tính đến …".</summary>
    public string ClockAndDate(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Số liệu tạm tính đến hh:mm dd/mm/yyyy", in the words of the form's exports.</summary>
    public string Provisional(DateTimeOffset asOf) => Exports.Form06Text.For(Language).Provisional(asOf);

    public string PeriodDates(ReportPeriod period) => Format(PeriodDatesFormat, Date(period.From), Date(period.To));

    /// <summary>The size of a change without its direction: dossiers (and the share of the earlier count), or percentage points.</summary>
    public string Difference(ReportPage.FigureChange change, bool rate) => rate
        ? Math.Abs(change.Difference).ToString("0.0", Culture) + " " + PercentagePoints
        : Count((int)Math.Abs(change.Difference)) + (change.Relative is { } share && share != 0 ? $" ({share.ToString("+0.0%;-0.0%", Culture)})" : "");

    public string Month(ReportMonth month) => $"{month.Month:D2}/{month.Year}";

    public string ShortMonth(ReportMonth month) => $"{month.Month:D2}/{month.Year % 100:D2}";
}
