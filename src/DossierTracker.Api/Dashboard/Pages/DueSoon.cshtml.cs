using DossierTracker.Api.Dashboard.Lists;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>Open dossiers about to fall due: at most <see cref="WithinHours"/> working hours left, least first.</summary>
public sealed class DueSoonModel(DossierLists lists, TrackerClock clock) : DossierListPageModel(clock)
{
    public override string PageTitle => Text.DueSoonTitle;
    public override string Section => "due-soon";
    public override bool ShowsRemaining => true;
    public override string CsvPath => "/due-soon/csv";
    protected override string CsvFilePrefix => "ho-so-sap-den-han";

    [BindProperty(SupportsGet = true)] public string? WithinHours { get; set; }

    public double ChosenWithinHours { get; private set; } = DossierLists.DefaultWithinHours;

    protected override void ParseOwn(QueryParameters query) =>
        ChosenWithinHours = query.Number("withinHours", WithinHours, DossierLists.DefaultWithinHours, 0, 2000);

    protected override async Task<DossierListPage> ListAsync(DossierListRequest request, ListPaging paging, CancellationToken cancellationToken) =>
        DossierListResponses.PageOf(await lists.DueSoonAsync(Selected, request, ChosenWithinHours, Now, cancellationToken), paging);
}
