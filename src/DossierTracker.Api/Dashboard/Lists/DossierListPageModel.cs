using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Lists;

/// <summary>
/// The late and due-soon pages: the contract's filters (parsed by the API's own <see cref="DossierListRequest"/>) plus
/// the unit (the page's <c>unit</c>), the field and a dossier-code search, a page of rows, and the CSV of every row the
/// filters select. Dates are typed as dd/mm/yyyy (<see cref="ListDates"/>); a wrong one, or a range that ends before
/// it starts, is shown on the form beside its field, with the form kept as typed.
/// </summary>
public abstract class DossierListPageModel(TrackerClock clock) : DashboardPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? DossierCode { get; set; }

    public IReadOnlyList<DossierListItem> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, PageSize, 0);
    public DateTimeOffset Now => clock.Now;

    /// <summary>Errors of the typed dates, by field name (<c>from</c>, <c>to</c>); the list is not read while there are any.</summary>
    public Dictionary<string, string> DateErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The dates as the form shows them: dd/mm/yyyy when they parse, else as typed.</summary>
    public string? ShownFrom => ListDates.TryParse(From, out var date) ? ListDates.Shown(date) : From;
    public string? ShownTo => ListDates.TryParse(To, out var date) ? ListDates.Shown(date) : To;

    /// <summary>The units the user may choose: their scope, by level then code.</summary>
    public IReadOnlyList<Unit> ChoosableUnits => HomeUnit is { } home
        ? [.. ReferenceData.Units.ScopeOf(home.Code).OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal)]
        : [];

    /// <summary>The fields of the catalogue's procedures, by code.</summary>
    public IReadOnlyList<DossierTracker.Procedures.ProcedureField> Fields => [.. ReferenceData.Procedures.Values
        .Select(p => p.Field).OfType<DossierTracker.Procedures.ProcedureField>().DistinctBy(f => f.Code).OrderBy(f => f.Code, StringComparer.Ordinal)];

    /// <summary>Due-soon rows show the working hours left; late rows the completion.</summary>
    public abstract bool ShowsRemaining { get; }
    public abstract string CsvPath { get; }
    protected abstract string CsvFilePrefix { get; }

    /// <summary>Reads the page's own parameters; a bad one is recorded in <paramref name="query"/>.</summary>
    protected abstract void ParseOwn(QueryParameters query);

    protected abstract Task<DossierListPage> ListAsync(DossierListRequest request, ListPaging paging, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadDates(out var from, out var to))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Parse(from, to) is not { } request) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        var page = await ListAsync(request, request.Paging, cancellationToken);
        Pager = new Pager(request.Page, PageSize, page.Total);
        Items = page.Items;
        return Page();
    }

    /// <summary>
    /// Every row the filters select, not one page: the download is for working on the whole list. For people by
    /// default (<see cref="PeopleCsv"/>); <c>format=csv</c> gives the API's CSV for software.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(string? format, CancellationToken cancellationToken)
    {
        if (!ReadDates(out var from, out var to) || Parse(from, to) is not { } request)
            return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        var all = await ListAsync(request, new ListPaging(1, int.MaxValue), cancellationToken);
        Response.Headers["X-Total-Count"] = all.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var forSoftware = format == WireNames.Of(ListFormat.Csv);
        return File(forSoftware ? DossierListResponses.Csv(all.Items, ShowsRemaining) : PeopleCsv.Write(all.Items, ShowsRemaining),
            "text/csv; charset=utf-8", $"{CsvFilePrefix}-{Selected.Unit.Code}-{ExportFileNames.DateStamp(clock.Now)}.csv");
    }

    /// <summary>The typed dates, or false with <see cref="DateErrors"/> filled.</summary>
    private bool ReadDates(out DateOnly? from, out DateOnly? to)
    {
        from = Date("from", From, Text.FromLabel);
        to = Date("to", To, Text.ToLabel);
        if (from is { } first && to is { } last && last < first) DateErrors["to"] = Text.Lists.RangeReversed;
        return DateErrors.Count == 0;
    }

    private DateOnly? Date(string name, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ListDates.TryParse(text, out var date) && SupportedYears.Contains(date)) return date;
        DateErrors[name] = Text.Format(Text.Lists.DateInvalidFormat, label);
        return null;
    }

    private DossierListRequest? Parse(DateOnly? from, DateOnly? to)
    {
        var query = new QueryParameters();
        // "page" is read from the query alone: in Razor Pages the route value of that name is the page's own path.
        var request = DossierListRequest.Parse(query, unit: null, from is { } f ? ListDates.Iso(f) : null, to is { } t ? ListDates.Iso(t) : null,
            Procedure, Channel, Request.Query["page"], PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), format: null,
            Field, DossierCode);
        ParseOwn(query);
        return query.HasErrors ? null : request;
    }
}
