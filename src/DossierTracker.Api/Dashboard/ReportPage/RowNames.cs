using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Exports;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>A report row's name as plain text, in the form's words for subtotals and the total.</summary>
internal static class RowNames
{
    public static string Of(Form06Row row, DashboardText text, Form06Text form) => row.Kind switch
    {
        ReportRowKind.Unit => row.UnitName ?? row.UnitCode ?? "",
        ReportRowKind.Field => row.FieldCode is { } code ? $"{row.FieldName} ({code})" : text.NoField,
        ReportRowKind.Procedure => $"{row.ProcedureCode} – {row.ProcedureName}",
        ReportRowKind.Subtotal => form.SubtotalOf(row.Level!.Value),
        _ => form.GrandTotal,
    };
}
