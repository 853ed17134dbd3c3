using System.Globalization;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Calendars;
using DossierTracker.Api.Dashboard.Admin;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>
/// A year of the working calendar month by month, holidays and swapped working days marked, with forms to add or
/// remove one day. Each change stores the whole year through <see cref="CalendarYearUpsert"/>, the path of PUT
/// /api/calendar/{year}: checked the same, audited, and in force at once for dossiers received afterwards.
/// </summary>
public sealed class CalendarModel(IDocumentStore store, AuditTrail audit, ReferenceDataCache referenceData, TrackerClock clock) : AdminPageModel
{
    public const string AddForm = "add", RemoveForm = "remove";
    public const string HolidayKind = "holiday", WorkingDayKind = "working-day";

    public override string PageTitle => Words.CalendarTitle;
    protected override bool IsProvinceWide => true;

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    [BindProperty] public string? Day { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public int Year { get; private set; }
    public CalendarYear Shown { get; private set; } = null!;
    public CalendarYearCorrected? Correction { get; private set; }

    /// <summary>The days of the shown year this page can change; those of a neighbouring year stay with their decision.</summary>
    public IReadOnlyList<DateOnly> Holidays => Shown.DaysOff.Where(d => d.Year == Year).Order().ToList();
    public IReadOnlyList<DateOnly> WorkingDays => Shown.WorkingWeekendDays.Where(d => d.Year == Year).Order().ToList();
    public bool HasOtherYearDays => Shown.DaysOff.Concat(Shown.WorkingWeekendDays).Any(d => d.Year != Year);

    public IActionResult OnGet() => Load(ReferenceData) ? Page() : Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        PostedForm = AddForm;
        // The year as stored now, not as cached: the change replaces the whole year.
        if (!Load(await referenceData.RefreshAsync(cancellationToken))) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        if (!TypedDate.TryParse(Day, out var day)) Errors.Add("day", Words.DateInvalid);
        if (Kind is not (HolidayKind or WorkingDayKind)) Errors.Add("kind", Words.KindInvalid);
        var change = Change();
        if (change is null || Errors.Count > 0) return Page();
        var holidays = Kind == HolidayKind ? Holidays.Append(day) : Holidays;
        var workingDays = Kind == WorkingDayKind ? WorkingDays.Append(day) : WorkingDays;
        return await StoreAsync(holidays, workingDays, change, "day", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        PostedForm = RemoveForm;
        // The year as stored now, not as cached: the change replaces the whole year.
        if (!Load(await referenceData.RefreshAsync(cancellationToken))) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        if (!TypedDate.TryParse(Day, out var day) || !Holidays.Concat(WorkingDays).Contains(day)) Errors.Add("day", Words.DateInvalid);
        var change = Change();
        if (change is null || Errors.Count > 0) return Page();
        return await StoreAsync(Holidays.Where(d => d != day), WorkingDays.Where(d => d != day), change, "day", cancellationToken);
    }

    /// <summary>Whole months, Monday first: null cells pad the first week.</summary>
    public IEnumerable<DateOnly?> Cells(int month)
    {
        var first = new DateOnly(Year, month, 1);
        var padding = ((int)first.DayOfWeek + 6) % 7;
        return Enumerable.Repeat<DateOnly?>(null, padding)
            .Concat(Enumerable.Range(0, DateTime.DaysInMonth(Year, month)).Select(i => (DateOnly?)first.AddDays(i)));
    }

    public string KindOf(DateOnly day) =>
        Shown.DaysOff.Contains(day) ? HolidayKind
        : Shown.WorkingWeekendDays.Contains(day) ? WorkingDayKind
        : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "weekend" : "workday";

    public string LinkTo(int year) => Url.Page("/Admin/Calendar", new { year })!;

    private async Task<IActionResult> StoreAsync(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingDays, AuditedChange change, string field,
        CancellationToken cancellationToken)
    {
        var result = await CalendarYearUpsert.ApplyAsync(Year, new CalendarCorrectionPayload([.. holidays], [.. workingDays]), change,
            store, audit, referenceData, clock, cancellationToken);
        if (!result.IsRejected) return RedirectToPage("/Admin/Calendar", new { year = Year, saved = true });
        // The API's errors name its lists (holidays, workingDays); on this form they are about the one day typed.
        foreach (var message in result.Errors!.Values.SelectMany(m => m)) Errors.Add(field, message);
        return Page();
    }

    private bool Load(ReferenceDataSnapshot snapshot)
    {
        var errors = new Dictionary<string, string[]>();
        var year = string.IsNullOrEmpty(YearText) ? VietnamTime.LocalDate(clock.Now).Year : CalendarYearUpsert.ParseYear(YearText, errors);
        if (year is not { } y) return false;
        Year = y;
        Shown = snapshot.Calendar.Holidays.For(y);
        Correction = snapshot.CalendarCorrections.GetValueOrDefault(y);
        return true;
    }
}
