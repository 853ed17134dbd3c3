using System.Text.Json;
using DossierTracker.Api.Dashboard.Lists;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>Late dossiers: overdue now, completed late, or both; filters, sorting and paging as in the contract.</summary>
public sealed class LateModel(DossierLists lists, TrackerClock clock) : DossierListPageModel(clock)
{
    public override string PageTitle => Text.LateTitle;
    public override string Section => "late";
    public override bool ShowsRemaining => false;
    public override string CsvPath => "/late/csv";
    protected override string CsvFilePrefix => "ho-so-tre-han";

    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public LateState ChosenState { get; private set; }
    public ListSort ChosenSort { get; private set; }

    protected override void ParseOwn(QueryParameters query)
    {
        ChosenState = query.Enum("state", State, LateState.Open);
        ChosenSort = query.Enum("sort", Sort, ListSort.Overdue, JsonNamingPolicy.CamelCase);
    }

    protected override Task<DossierListPage> ListAsync(DossierListRequest request, ListPaging paging, CancellationToken cancellationToken) =>
        lists.LateAsync(Selected, request, ChosenState, ChosenSort, Now, paging, cancellationToken);

    public static string SortValue(ListSort sort) => WireNames.Of(sort, JsonNamingPolicy.CamelCase);
}
