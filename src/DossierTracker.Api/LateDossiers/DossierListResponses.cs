using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReferenceData;

namespace DossierTracker.Api.LateDossiers;

/// <summary>Turns list rows into a sorted page, as JSON or as CSV with the total in <c>X-Total-Count</c>.</summary>
public static class DossierListResponses
{
    public static DossierListItem Item(DossierListRow row, ReferenceDataSnapshot snapshot, DateTimeOffset overdueUntil, DateTimeOffset? remainingFrom = null)
    {
        var overdue = LateBy.Hours(snapshot.Calendar, row.DueAt, row.CompletedAt ?? overdueUntil);
        double? remaining = remainingFrom is { } from ? Math.Round(snapshot.Calendar.WorkingTimeBetween(from, row.DueAt).TotalHours, 2) : null;
        var procedure = snapshot.Procedures.GetValueOrDefault(row.ProcedureCode);
        return new DossierListItem(row.Code, row.UnitCode, snapshot.Units.Find(row.UnitCode)?.Name, row.ProcedureCode,
            procedure?.Name, procedure?.Field?.Code, procedure?.Field?.Name, row.Channel, row.Status, row.ReceivedAt, row.DueAt,
            row.CompletedAt, overdue, remaining, row.Handler, row.HandlerName, row.ApologyIssued, row.NewAppointmentAt);
    }

    public static IOrderedEnumerable<DossierListItem> Sort(IEnumerable<DossierListItem> items, ListSort sort) => sort switch
    {
        ListSort.DueAt => items.OrderBy(i => i.DueAt).ThenBy(i => i.DossierCode, StringComparer.Ordinal),
        ListSort.ReceivedAt => items.OrderBy(i => i.ReceivedAt).ThenBy(i => i.DossierCode, StringComparer.Ordinal),
        _ => items.OrderByDescending(i => i.OverdueWorkingHours).ThenBy(i => i.DueAt).ThenBy(i => i.DossierCode, StringComparer.Ordinal),
    };

    /// <summary>A page of a list sorted whole.</summary>
    public static DossierListPage PageOf(IReadOnlyList<DossierListItem> sorted, ListPaging paging) =>
        new(sorted.Count, paging.Page, paging.PageSize, paging.Of(sorted).ToList());

    public static IResult Page(DossierListPage page, ListFormat format, string fileName, bool withRemaining) => format switch
    {
        ListFormat.Csv => new CsvPageResult(Csv(page.Items, withRemaining), page.Total, fileName),
        ListFormat.CsvPeople => new CsvPageResult(PeopleCsv.Write(page.Items, withRemaining), page.Total, fileName),
        _ => Results.Json(page, ApiJson.Options),
    };

    /// <summary>
    /// The list as CSV bytes, for the API's <c>format=csv</c> and the dashboard's download alike. Columns added after
    /// version 1 (the field) come last; the handler's name is in
    /// the JSON and the CSV for people, this one stays as it was (issue 19), so spreadsheets that read columns by position keep working.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<DossierListItem> items, bool withRemaining)
    {
        string[] header = ["dossierCode", "unitCode", "unitName", "procedureCode", "procedureName", "channel", "status", "receivedAt",
            "dueAt", "completedAt", "overdueWorkingHours", .. withRemaining ? new[] { "remainingWorkingHours" } : [], "handler",
            "apologyIssued", "newAppointmentAt", "fieldCode", "fieldName"];
        return CsvWriter.Write(header, items.Select(i => (IReadOnlyList<object?>)
        [
            i.DossierCode, i.UnitCode, i.UnitName, i.ProcedureCode, i.ProcedureName, i.Channel, i.Status, i.ReceivedAt, i.DueAt,
            i.CompletedAt, i.OverdueWorkingHours, .. withRemaining ? new object?[] { i.RemainingWorkingHours } : [], i.Handler,
            i.ApologyIssued, i.NewAppointmentAt, i.FieldCode, i.FieldName,
        ]));
    }
}
