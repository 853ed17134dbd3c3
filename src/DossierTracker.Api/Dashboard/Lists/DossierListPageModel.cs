using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Lists;

/// <summary>
/// The late and due-soon pages: the contract's filters (parsed by the API's own <see cref="DossierListRequest"/>),
/// a page of rows, and the CSV of every row the filters select, written by the API's CSV writer.
/// </summary>
public abstract class DossierListPageModel(TrackerClock clock) : DashboardPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }

    public IReadOnlyList<DossierListItem> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, PageSize, 0);
    public DateTimeOffset Now => clock.Now;

    /// <summary>Due-soon rows show the working hours left; late rows the completion.</summary>
    public abstract bool ShowsRemaining { get; }
    public abstract string CsvPath { get; }
    protected abstract string CsvFilePrefix { get; }

    /// <summary>Reads the page's own parameters; a bad one is recorded in <paramref name="query"/>.</summary>
    protected abstract void ParseOwn(QueryParameters query);

    protected abstract Task<DossierListPage> ListAsync(DossierListRequest request, ListPaging paging, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } request) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        var page = await ListAsync(request, request.Paging, cancellationToken);
        Pager = new Pager(request.Page, PageSize, page.Total);
        Items = page.Items;
        return Page();
    }

    /// <summary>Every row the filters select, not one page: the download is for working on the whole list.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (Parse() is not { } request) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        var all = await ListAsync(request, new ListPaging(1, int.MaxValue), cancellationToken);
        Response.Headers["X-Total-Count"] = all.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return File(DossierListResponses.Csv(all.Items, ShowsRemaining), "text/csv; charset=utf-8",
            $"{CsvFilePrefix}-{Selected.Unit.Code}-{ExportFileNames.DateStamp(clock.Now)}.csv");
    }

    private DossierListRequest? Parse()
    {
        var query = new QueryParameters();
        // "page" is read from the query alone: in Razor Pages the route value of that name is the page's own path.
        var request = DossierListRequest.Parse(query, unit: null, From, To, Procedure, Channel, Request.Query["page"],
            PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), format: null);
        ParseOwn(query);
        return query.HasErrors ? null : request;
    }
}
