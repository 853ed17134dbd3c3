using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.Reports.Drilldown;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;
using DossierTracker.Reporting;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>The dossiers behind a cell of form 06 (<see cref="GetReportDossiers"/>).</summary>
internal static class DrilldownDocumentation
{
    private const string Csv = "text/csv";

    public static async Task GetReportDossiers(OperationDoc doc)
    {
        doc.Query("unit", Schemas.Code("Unit code."), "The report's unit, as asked of `GET /api/reports/form06`. Default: the key's scope unit. " +
            "Outside the key's scope: 403; unknown: 422 `unknown-unit`.");
        doc.Query("period", Schemas.Text("`YYYY-MM`, `YYYY-Qn` (n = 1–4), `YYYY-Hn` (n = 1–2) or `YYYY`."),
            "The report's named period; or give `from` and `to` instead. A period not begun yet: 422 `period-in-future`; one still running " +
            "ends now (open dossiers are judged at the present instant), as in the report.");
        doc.Query("from", Schemas.Date("First date, inclusive."), "Instead of `period`: the first day of a span (at most 366 days).");
        doc.Query("to", Schemas.Date("Last date, inclusive; not before `from`."), "Instead of `period`: the last day of the span.");
        doc.Query("cutoff", Schemas.Enum<PeriodCutoff>("`calendar` spans or the `official` cut-off (15th of the month before to the 14th); " +
            "ignored with `from`/`to`.", PeriodCutoff.Calendar), "The period's cut-off, as in the report.");
        doc.Query("column", Schemas.Enum<ReportColumn>("The figure's name in the report.", spelling: JsonNamingPolicy.CamelCase),
            "The cell's column.", required: true);
        doc.Query("rowUnit", Schemas.Code("Unit code."), "A unit row: that unit's own dossiers. It must be a unit of the report's subtree " +
            "(`unit` and the units below it); any other is a 400 naming `rowUnit` (the report has no such row).");
        doc.Query("level", Schemas.Enum<UnitLevel>("A level of the organisation tree."), "A subtotal row of the report by unit (an extension of " +
            "the contract): the dossiers counted for the report's units of that level, the same as the sum of their `rowUnit` drill-downs.");
        doc.Query("field", Schemas.Code("Field code, or `none`."), "A field row: dossiers of the procedures in that field; `none`: of the " +
            "procedures without a field. A code no known procedure has is a 400 naming `field`.");
        doc.Query("procedure", Schemas.Code("Procedure code."), "A procedure row. An unknown procedure is a 400 naming `procedure`. " +
            "At most one of `rowUnit`, `level`, `field` and `procedure`; none of them: the total row.");
        doc.Query("page", Schemas.Integer("Page number, from 1.", 1, ListPaging.MaxPage, 1), "Page (1-based).");
        doc.Query("pageSize", Schemas.Integer("Items per page.", 1, ListPaging.MaxPageSize, ListPaging.DefaultPageSize), "Page size.");
        doc.Query("format", Schemas.Enum<ListFormat>("`json`, or `csv` (same paging; the total in `X-Total-Count`).", ListFormat.Json), "Response format.");

        var sample = Sample();
        var schema = await doc.SchemaOf<DrilldownPage>(Describe);
        doc.Response(StatusCodes.Status200OK, "The cell's dossiers by receipt, then code; one page.", OperationDoc.Json, schema,
            [new Example("page", "The first page of a department's resolved dossiers", OperationDoc.Wire(sample))]);
        doc.AlsoAs(StatusCodes.Status200OK, Csv,
            new OpenApiSchema { Type = JsonSchemaType.String, Description = "The page as CSV: UTF-8 with a byte order mark, CRLF line ends, the JSON field names as header." },
            [new Example("page", "The first page as CSV", JsonValue.Create(Encoding.UTF8.GetString(DrilldownCsv.Write(sample.Items)).TrimStart('\uFEFF')))],
            new Dictionary<string, IOpenApiHeader>
            {
                [CsvPageResult.TotalCountHeader] = OperationDoc.Header("With `format=csv`: the number of items on all pages (the cell).", JsonSchemaType.Integer),
                ["Content-Disposition"] = OperationDoc.Header("With `format=csv`: `attachment; filename=ho-so-bieu-06-{unitCode}-{yyyyMMdd}-{yyyyMMdd}-{column}.csv`.",
                    JsonSchemaType.String),
            });
        doc.ValidationProblem("One or more query parameters are not valid; see errors.",
            new() { ["column"] = [$"column is required: one of {string.Join(", ", WireNames.All<ReportColumn>(JsonNamingPolicy.CamelCase))}."] });
        doc.Problems(ProblemCodes.UnknownUnit, ProblemCatalogue.PeriodInFuture, ProblemCatalogue.Forbidden);
    }

    private static void Describe(OpenApiSchema schema)
    {
        Schemas.Describe(schema, "One page of the dossiers counted in a cell of form 06.", ("total", "Items on all pages: always the cell's figure."));
        Schemas.Describe(Schemas.ItemsOf(schema, "items"), "A dossier as the report saw it at the period's end (or now, for a period still running).",
            ("unitCode", "The unit that received the dossier."),
            ("dueAt", "The due time the dossier was judged by: the one in force at its close when it closed in the period, else the one in force at the period's end."),
            ("completedAt", "Completion time, when the dossier was completed before the period's end; absent otherwise (a later completion is not part of this report)."),
            ("closedAt", "When the dossier was completed, withdrawn or stopped, if before the period's end."),
            ("result", "For a dossier completed before the period's end: `early`, `on-time` or `late` by local date (form 06)."),
            ("onTime766", "Whether the dossier is in the same row's `onTime766` cell (Decision 766, contract version 2 rule)."));
    }

    private static DrilldownPage Sample() => new(2, 1, ListPaging.DefaultPageSize,
    [
        new DrilldownItem("000.00.12.H22-220727-0004", EventExamples.Unit, "Sở Tư pháp", EventExamples.Procedure, Channel.Direct,
            SampleData.At(2022, 7, 27, 14, 5), SampleData.At(2022, 8, 1, 14, 5), SampleData.At(2022, 8, 3, 10, 0), SampleData.At(2022, 8, 3, 10, 0),
            CompletionResult.Late, false),
        new DrilldownItem("000.00.12.H22-220801-0001", EventExamples.Unit, "Sở Tư pháp", EventExamples.Procedure, Channel.Online,
            SampleData.At(2022, 8, 1, 9, 15), SampleData.At(2022, 8, 5, 16, 0), SampleData.At(2022, 8, 5, 15, 20), SampleData.At(2022, 8, 5, 15, 20),
            CompletionResult.OnTime, true),
    ]);
}
