using System.Security.Claims;
using System.Text.Json;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Reports.Drilldown;

public static class GetReportDossiers
{
    /// <summary>
    /// The dossiers counted in one cell of form 06 asked with the same <c>unit</c>, period and cut-off: the cell's
    /// <c>column</c>, and its row by <c>rowUnit</c>, <c>level</c> (a subtotal), <c>field</c> or <c>procedure</c> (none: the total row). Ordered by
    /// receipt then code, paged and downloadable as the late list; <c>total</c> equals the cell.
    /// </summary>
    [WolverineGet("/api/reports/form06/dossiers", Name = "GetReportDossiers"), Authorize(Policy = Policies.Supervise), Tags("Reports")]
    [EndpointSummary("List the dossiers behind a cell of form 06")]
    [EndpointDescription("The dossiers counted in one cell of the form 06 report asked with the same `unit`, `period` (or `from`/`to`) and `cutoff`: the cell's `column`, and its row by `rowUnit`, `level` (a subtotal row, an extension of the contract), `field` (`none`: procedures without a field) or `procedure` (none of them: the total row). Ordered by receipt, then code; paged as the late list; `format=csv` for Excel. `total` always equals the cell.")]
    public static async Task<IResult> Get(
        string? unit, string? period, string? from, string? to, string? cutoff, string? column,
        string? rowUnit, string? level, string? field, string? procedure, string? page, string? pageSize, string? format,
        ReportDrilldown drilldown, ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var request = DrilldownRequest.Parse(query, unit, period, from, to, cutoff, column, rowUnit, level, field, procedure, page, pageSize, format);
        if (request is null) return query.Problem;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var (scope, problem) = UnitScope.Resolve(request.Unit, user, snapshot.Units);
        if (problem is not null) return problem;

        var now = clock.Now;
        if (ReportRequest.NotBegun(request.Period, now, string.IsNullOrEmpty(period) ? "from" : "period") is { } notBegun) return notBegun;
        var row = DrilldownRows.Resolve(query, request, scope!, snapshot);
        if (query.HasErrors) return query.Problem;

        var window = ReportWindow.Of(request.Period, now)!;
        var result = await drilldown.PageAsync(scope!, row, request.Column, window, request.Paging, snapshot, cancellationToken);
        if (request.Format == ListFormat.Json) return Results.Json(result, ApiJson.Options);
        var columnName = WireNames.Of(request.Column, JsonNamingPolicy.CamelCase);
        return new CsvPageResult(DrilldownCsv.Write(result.Items), result.Total, DrilldownCsv.FileName(scope!.Unit.Code, request.Period, columnName));
    }
}
