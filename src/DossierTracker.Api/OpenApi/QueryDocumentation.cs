using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Dossiers;
using DossierTracker.Api.Exports;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.Reports;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Reporting;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>What supervisors read: one dossier, the late and due-soon lists, the monthly report and the trend.</summary>
internal static class QueryDocumentation
{
    private const string Csv = "text/csv";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string ContentDisposition = "Content-Disposition";

    public static async Task GetDossier(OperationDoc doc)
    {
        doc.Parameter("dossierCode", ParameterLocation.Path, Schemas.DossierCode("The dossier code."), "The dossier code (URL-encoded).",
            example: EventExamples.Dossier);
        doc.Response(StatusCodes.Status200OK, "The dossier now.", OperationDoc.Json, await doc.SchemaOf<DossierView>(DescribeDossier),
            [new Example("returned", "Paused once, late with an apology, resolved late and returned", OperationDoc.Wire(SampleData.Dossier()))]);
        doc.ValidationProblem("One or more fields are not valid; see errors.",
            new() { ["dossierCode"] = [$"dossierCode must be {DossierCodes.Alphabet}."] });
        doc.Problems(Http.ProblemCatalogue.DossierNotFound, Http.ProblemCatalogue.DateOutOfRange);
    }

    public static async Task GetLateDossiers(OperationDoc doc)
    {
        ListFilters(doc);
        doc.Query("state", Schemas.Enum<LateState>("`open`: open and overdue now (or at `at`); `completed`: completed late; `all`: both.", LateState.Open),
            "Which late dossiers.");
        doc.Query("sort", Schemas.Enum<ListSort>("`overdue`: most overdue working hours first, then dueAt, then code; `dueAt` and `receivedAt`: ascending.",
            ListSort.Overdue, JsonNamingPolicy.CamelCase), "Order of the list.");
        doc.Query("at", Schemas.Timestamp("The instant at which `open` dossiers are judged overdue; default now (e.g. a month's end " +
            "gives the report's `inProgressOverdue`)."), "For `state=open`: judge overdue at this past instant.");
        await ListResponses(doc, "Late dossiers, one page.", SampleData.LatePage(), withRemaining: false,
            "ho-so-tre-han-{unitCode}-{yyyyMMdd}.csv");
    }

    public static async Task GetDueSoon(OperationDoc doc)
    {
        ListFilters(doc);
        doc.Query("withinHours", Schemas.Number("Working hours ahead.", 0, 2000, DossierLists.DefaultWithinHours),
            "List dossiers with at most this many working hours left.");
        await ListResponses(doc, "Dossiers due soon, least remaining first, one page.", SampleData.DueSoonPage(), withRemaining: true,
            "ho-so-sap-den-han-{unitCode}-{yyyyMMdd}.csv");
    }

    public static async Task GetMonthlyReport(OperationDoc doc)
    {
        doc.Query("month", Schemas.Month("The report month."), "The month (local time: from the 1st 00:00 to the next 1st 00:00).", required: true);
        UnitParameter(doc, "The report covers every unit of this unit's subtree valid in the month.");
        ReportFormatParameters(doc, "`json`, `csv` (the JSON field names as header, no heading lines: the table of contract version 1) or `xlsx` (the official form layout).");

        var report = SampleData.Report();
        var schema = await doc.SchemaOf<MonthlyReportResponse>(s =>
        {
            Schemas.Describe(s, "Form Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP) for a calendar month, with the Decision 766 indicator 2.1: " +
                "`GET /api/reports/form06` for that month with `rows=unit`, in the shape of contract version 1.",
                ("month", "YYYY-MM."), ("unitCode", "The unit whose subtree the report covers."));
            DescribeProvisional(s);
            DescribeUnitRows(s);
        });
        doc.Response(StatusCodes.Status200OK, "Form Biểu số 06/VPCP/KSTT for the month.", OperationDoc.Json, schema,
            [new Example("august", "A province in August 2022", OperationDoc.Wire(MonthlyReportResponse.Of(report)))]);
        ReportFiles(doc, "bieu-06-{unitCode}-{month}", CsvText(Form06Csv.Write(report, withHeading: false)));
        Problems(doc, new() { ["month"] = ["month is required (YYYY-MM)."] });
        doc.Problems(Http.ProblemCatalogue.PeriodInFuture);
    }

    public static async Task GetForm06Report(OperationDoc doc)
    {
        doc.Query("period", Schemas.Text("`YYYY-MM` (month), `YYYY-Qn` (quarter, n = 1–4), `YYYY-Hn` (half year, n = 1–2) or `YYYY` (year), " +
            $"years {ReportMonth.FirstYear}–{ReportMonth.LastYear}. Give either `period`, or `from` and `to`.", maxLength: 7),
            "The named period.");
        doc.Query("from", Schemas.Date("First day, inclusive (with `to`, instead of `period`)."),
            $"A span of local dates: `from` 00:00 to the day after `to` 00:00. At most {ReportPeriod.MaxSpanDays} days; `from` after `to` is a 400.");
        doc.Query("to", Schemas.Date("Last day, inclusive."), "See `from`.");
        doc.Query("cutoff", Schemas.Enum<PeriodCutoff>("`calendar` (default): calendar spans. `official`: the data cut-off of Decree 09/2019/NĐ-CP, " +
            "article 12 — a month from the 15th of the month before to the 14th (2025-01 is 15/12/2024–14/01/2025), a quarter from the 15th of " +
            "the month before it to the 14th of its last month, the first half 15/12–14/06, the second 15/06–14/12, the year 15/12–14/12. " +
            "With `from`/`to` it is echoed in `period.cutoff` and has no effect.", PeriodCutoff.Calendar), "Where named periods begin and end.");
        UnitParameter(doc, "The report covers this unit's subtree (rows by field and procedure count the whole subtree).");
        doc.Query("rows", Schemas.Enum<ReportRowsBy>("`unit` (default): unit rows, subtotals by level and the total, as the monthly report. " +
            "`field`: one row per distinct field of the known procedures ordered by code (zero rows included), then the row of procedures without " +
            "a field (`fieldCode` null, always present; it also counts procedures no longer known), then the total. `procedure`: every known " +
            "procedure ordered by code (zero rows included; a procedure code with figures that is no longer known gets a row without a name), " +
            "then the total.", ReportRowsBy.Unit), "What the rows are.");
        doc.Query("compare", Schemas.Enum<ReportComparison>("`previous`: the period of the same kind just before (for an official period the " +
            "official one before; for `from`/`to` as many days ending the day before `from`). `last-year`: the same period a year earlier " +
            "(for `from`/`to` the same dates, 29 February becoming 28). `none` (default): no comparison. Each row then carries `previous` " +
            "with the same figures, and the body `previousPeriod`. The compared period has always ended: it is counted whole, also when the " +
            "asked period is still running. Unit rows list the units valid in the period and those with figures in either period.",
            ReportComparison.None), "The period to compare with.");
        ReportFormatParameters(doc, "`json`, `csv` (heading lines with the reporting unit, the period, the provisional note and the compared " +
            "period, an empty line, then the table under the JSON field names, `previous.*` for the compared figures) or `xlsx` (the official " +
            "form on the first sheet, the extra columns on the second, and with `compare` the same two sheets for the compared period).");

        var report = SampleData.ReportByField();
        var schema = await doc.SchemaOf<Form06Response>(DescribeForm06);
        doc.Response(StatusCodes.Status200OK, "Form Biểu số 06/VPCP/KSTT for the period.", OperationDoc.Json, schema,
            [new Example("quarter-by-field", "The official third quarter of 2022 by field, compared with the quarter before",
                OperationDoc.Wire(Form06Response.Of(report)))]);
        ReportFiles(doc, "bieu-06-{unitCode}-{yyyyMMdd from}-{yyyyMMdd to}", CsvText(Form06Csv.Write(report)));
        Problems(doc, new() { ["period"] = ["A period is required: period=YYYY-MM, YYYY-Qn (n = 1–4), YYYY-Hn (n = 1–2) or YYYY, or from and to (YYYY-MM-DD)."] });
        doc.Problems(Http.ProblemCatalogue.PeriodInFuture);
    }

    public static async Task GetTrend(OperationDoc doc)
    {
        UnitParameter(doc, "Figures of this unit's whole subtree.");
        doc.Query("from", Schemas.Month($"First month; default 11 months before `to`. At most {Reports.GetTrend.MaxMonths} months."), "First month.");
        doc.Query("to", Schemas.Month("Last month; default the current month. A month not begun yet is a 422 `period-in-future`."), "Last month.");
        var schema = await doc.SchemaOf<TrendResponse>(s =>
        {
            Schemas.Describe(s, "Month by month figures of a unit's subtree.", ("from", "First month, YYYY-MM."), ("to", "Last month, YYYY-MM."),
                ("provisional", "True when the last month is still running: it is then counted up to the present instant `asOf`."),
                ("asOf", "With `provisional`: the instant the last month was counted up to. Absent otherwise."));
            DescribeFigures(Schemas.ItemsOf(s, "months"));
        });
        doc.Response(StatusCodes.Status200OK, "One entry per month, oldest first.", OperationDoc.Json, schema,
            [new Example("summer", "A province from June to August 2022", OperationDoc.Wire(SampleData.Trend()))]);
        Problems(doc, new() { ["from"] = ["from must not be after to."] });
        doc.Problems(Http.ProblemCatalogue.PeriodInFuture);
    }

    private static void ReportFormatParameters(OperationDoc doc, string formats)
    {
        doc.Query("format", Schemas.Enum<ReportFormat>(formats, ReportFormat.Json), "Response format.");
        doc.Query("lang", Schemas.Enum("Headings of the XLSX form (and the CSV heading lines): Vietnamese (default) or English.", ["vi", "en"], "vi"),
            "Language of the file headings.");
    }

    private static void ReportFiles(OperationDoc doc, string fileName, JsonNode csvExample)
    {
        doc.AlsoAs(StatusCodes.Status200OK, Csv, Text("The report, one line per row, UTF-8 with a byte order mark, CRLF line ends."),
            [new Example("csv", "The same report as CSV", csvExample)],
            new Dictionary<string, IOpenApiHeader>
            {
                [ContentDisposition] = OperationDoc.Header($"With `format=csv` or `xlsx`: `attachment; filename={fileName}.csv` (or `.xlsx`).",
                    JsonSchemaType.String),
            });
        doc.AlsoAs(StatusCodes.Status200OK, Xlsx, new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary",
            Description = "The official form as an Excel workbook." });
    }

    /// <summary>Filters and paging shared by the late and due-soon lists (<see cref="DossierListRequest.Parse"/>).</summary>
    private static void ListFilters(OperationDoc doc)
    {
        UnitParameter(doc, "Lists dossiers of this unit and every unit below it.");
        doc.Query("from", Schemas.Date("First date, inclusive."), "Completion date for completed items, receipt date for open and due-soon items.");
        doc.Query("to", Schemas.Date("Last date, inclusive; not before `from`."), "See `from`.");
        doc.Query("procedure", Schemas.Code("Procedure code."), "Only dossiers of this procedure.");
        doc.Query("channel", Schemas.Enum<Channel>("Submission channel."), "Only dossiers received through this channel.");
        doc.Query("field", Schemas.Code("Field (lĩnh vực) code, or `none`."),
            "Only dossiers whose procedure is in this field as the catalogue names it now (`none`: procedures without a field). With `procedure`, both must hold.");
        doc.Query("dossierCode", Schemas.Code("Part of a dossier code."), "Only dossiers whose code contains this text (letter case aside; surrounding spaces dropped).");
        doc.Query("page", Schemas.Integer("Page number, from 1.", 1, 1_000_000, 1), "Page (1-based).");
        doc.Query("pageSize", Schemas.Integer("Items per page.", 1, DossierListRequest.MaxPageSize, DossierListRequest.DefaultPageSize), "Page size.");
        doc.Query("format", Schemas.Enum<ListFormat>("`json`; `csv` for programs (the JSON field names as header, ISO times, hours as numbers); " +
            "`csv-people` for people (Vietnamese headings, unit and procedure names beside codes, times as dd/mm/yyyy hh:mm, working time as " +
            "\"2 ngày 3 giờ\" with 8 working hours a day, the handler's name). Both CSVs: same paging, the total in `X-Total-Count`, UTF-8 with a byte order mark.",
            ListFormat.Json), "Response format.");
    }

    private static async Task ListResponses(OperationDoc doc, string description, DossierListPage sample, bool withRemaining, string fileName)
    {
        var page = await doc.SchemaOf<DossierListPage>(DescribeListPage);
        doc.Response(StatusCodes.Status200OK, description, OperationDoc.Json, page, [new Example("page", "The first page", OperationDoc.Wire(sample))]);
        doc.AlsoAs(StatusCodes.Status200OK, Csv, Text("The page as CSV: UTF-8 with a byte order mark, CRLF line ends, the JSON field names as header (`fieldCode` and `fieldName`, added in version 2, come last; no `handlerName`). " +
            "With `format=csv-people` the same page for people: Vietnamese headings, names, dd/mm/yyyy hh:mm, working days and hours."),
            [
                new Example("page", "The first page as CSV", CsvText(DossierListResponses.Csv(sample.Items, withRemaining))),
                new Example("people", "The first page as CSV for people (`format=csv-people`)", CsvText(PeopleCsv.Write(sample.Items, withRemaining))),
            ],
            new Dictionary<string, IOpenApiHeader>
            {
                ["X-Total-Count"] = OperationDoc.Header("With `format=csv`: the number of items on all pages.", JsonSchemaType.Integer),
                [ContentDisposition] = OperationDoc.Header($"With `format=csv`: `attachment; filename={fileName}`.", JsonSchemaType.String),
            });
        Problems(doc, new() { ["pageSize"] = [$"pageSize must be a whole number from 1 to {DossierListRequest.MaxPageSize}."] });
    }

    private static void Problems(OperationDoc doc, Dictionary<string, string[]> validationErrors)
    {
        doc.ValidationProblem("One or more query parameters are not valid; see errors.", validationErrors);
        doc.Problems(ProblemCodes.UnknownUnit, Http.ProblemCatalogue.Forbidden);
    }

    private static void UnitParameter(OperationDoc doc, string meaning) =>
        doc.Query("unit", Schemas.Code("Unit code."), $"{meaning} Default: the key's scope unit. Outside the key's scope: 403; unknown: 422 `unknown-unit`.");

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static JsonNode CsvText(byte[] csv) => JsonValue.Create(Encoding.UTF8.GetString(csv).TrimStart('\uFEFF'));

    private const string FieldCode = "The code of the procedure's field (lĩnh vực) as the catalogue names it now (`PUT /api/procedures`); absent when the procedure has none.";
    private const string FieldName = "The name of that field; absent when the procedure has none.";

    private static void DescribeDossier(OpenApiSchema schema) => Schemas.Describe(schema,
        "A dossier now, and why: due times, pauses, apology, result and the full timeline.",
        ("status", "The latest state. `received`, `processing` and `paused` are open; the others are closed."),
        ("fieldCode", FieldCode),
        ("fieldName", FieldName),
        ("receivedAt", "occurredAt of the `received` event."),
        ("dueAt", "The effective due time now: the receipt's due time, moved by every `resumed`. An apology's new appointment never changes it."),
        ("originalDueAt", "The due time set at reception (sent, or computed from the procedure)."),
        ("completedAt", "Completion time: occurredAt of `resolved`, else of `returned`. Absent while not completed."),
        ("closedAt", "When the dossier was resolved, returned, withdrawn or stopped."),
        ("result", "For a completed dossier, by local date (form 06): `early` before the due date, `on-time` on it, `late` after it."),
        ("onTimeBy766", "Decision 766 (contract version 2 rule, instants compared): how the dossier counts in the indicator of a period ending now. " +
            "Once closed (completed, withdrawn or stopped): closed at or before the due time then in force. While open: not overdue now, " +
            "or paused by a pause that began at or before its due time. Always false after a second supplement request."),
        ("overdue", "Open, not paused, and past its effective due time now."),
        ("overdueWorkingHours", "Working hours past the effective due time: until completion, or until now while open and running."),
        ("handler", "The officer of the latest `processing` event."),
        ("handlerName", "The name sent with that officer (`handlerName` of the `processing` event); absent when none was sent."),
        ("apology", "The latest `late` event's apology and new appointment, when there was one."),
        ("pauses", "Each pause with the working hours it lasted."),
        ("version", "Number of events of the dossier."),
        ("timeline", "Every event by occurredAt then arrival: type, times, source (`one-stop`, or `tracker` for the tracker's own " +
            "`late` events) and the event type's own fields."));

    private static void DescribeListPage(OpenApiSchema schema)
    {
        Schemas.Describe(schema, "One page of a dossier list.", ("total", "Items on all pages."));
        Schemas.Describe(Schemas.ItemsOf(schema, "items"), null,
            ("fieldCode", FieldCode),
            ("fieldName", FieldName),
            ("dueAt", "The effective due time (for a completed dossier, the one it was judged by)."),
            ("overdueWorkingHours", "Working hours past the due time: until completion, or until the list's instant."),
            ("remainingWorkingHours", "Due-soon list only: working hours left until the due time."),
            ("handlerName", "The name sent with the handler (`handlerName` of the latest `processing` event); absent when none was sent."),
            ("apologyIssued", "An apology slip was issued."),
            ("newAppointmentAt", "The apology's new appointment."));
    }

    private static void DescribeForm06(OpenApiSchema schema)
    {
        Schemas.Describe(schema,
            "Form Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP) over the period, with the Decision 766 indicator 2.1. Rows have the shape " +
            "of `rowsBy`: `kind`, then `unitCode`, `unitName`, `level` (unit rows, subtotals by level, total), or `fieldCode`, `fieldName` " +
            "(`field` rows; null on the row of procedures without a field and on the total), or `procedureCode`, `procedureName`; then every " +
            "figure of the monthly report including `onTime766`; then `previous` with `compare`.",
            ("unitCode", "The unit whose subtree the report covers."),
            ("period", "The period counted: inclusive local dates `from`–`to`, the `cutoff` as asked, its `kind` (`month`, `quarter`, " +
                "`half-year`, `year` or `span`) and its `name` as a `period` parameter (absent for a span)."),
            ("provisional", "True while the period is still running: its end is then the present instant `asOf` (open dossiers are judged " +
                "at that instant, not at the period's last day)."),
            ("asOf", "With `provisional`: the instant the figures were counted up to. Absent otherwise."),
            ("previousPeriod", "With `compare`: the compared period, in the shape of `period`."),
            ("rowsBy", "`unit`, `field` or `procedure`, as asked."),
            ("rows", "See the description of the body."));
        // The three row shapes (by unit, field, procedure) share the figures; describe them in each.
        foreach (var shape in Schemas.ItemsOf(schema, "rows").AnyOf?.OfType<OpenApiSchema>() ?? []) DescribeRowFigures(shape);
    }

    private static void DescribeProvisional(OpenApiSchema schema) => Schemas.Describe(schema, null,
        ("provisional", "True while the month is still running: its end is then the present instant `asOf` (open dossiers are judged at " +
            "that instant, not at the month's last day)."),
        ("asOf", "With `provisional`: the instant the figures were counted up to. Absent otherwise."));

    private static void DescribeUnitRows(OpenApiSchema schema)
    {
        Schemas.Describe(schema, null,
            ("rows", "Unit rows by level (department, district, commune) then code, each level closed by its `subtotal`; the `total` last."));
        var row = Schemas.ItemsOf(schema, "rows");
        Schemas.Describe(row, null,
            ("kind", "`unit`: that unit's own dossiers; `subtotal`: one per level; `total`: the whole subtree."),
            ("unitCode", "Null on subtotal and total rows."),
            ("unitName", "Null on subtotal and total rows."),
            ("level", "The unit's level, or the level a subtotal sums; null on the total."));
        DescribeRowFigures(row);
    }

    /// <summary>The form's columns, as every kind of row carries them.</summary>
    private static void DescribeRowFigures(OpenApiSchema row)
    {
        Schemas.Describe(row, null,
            ("receivedOnline", "(4) received online."),
            ("receivedDirect", "(5) received directly or by post."),
            ("carriedOver", "(6) received before the period and neither completed nor closed before it."),
            ("resolvedEarly", "(8) completed before the due date."),
            ("resolvedOnTime", "(9) completed on the due date."),
            ("resolvedLate", "(10) completed after the due date."),
            ("inProgress", "(11) = (12) + (13): received by the end of the period (now, while it runs), not completed or closed by then."),
            ("inProgressOnTime", "(12) in progress, not overdue at the end of the period (paused dossiers count here)."),
            ("inProgressOverdue", "(13) in progress with an effective due time before the end of the period."),
            ("withdrawnOrStopped", "Withdrawn or stopped in the period (outside columns 7–13)."));
        DescribeFigures(row);
    }

    /// <summary>The figures the report rows and the trend months share.</summary>
    private static void DescribeFigures(OpenApiSchema figures) => Schemas.Describe(figures, null,
        ("received", "(3) = (4) + (5) + (6); also = resolved + inProgress + withdrawnOrStopped."),
        ("resolved", "(7) = (8) + (9) + (10): completed in the period (the month, for the monthly report and the trend)."),
        ("onTimeRate", "(early + on time) / resolved, 0 to 1; null when nothing was resolved."),
        ("onTime766", "Decision 766 numerator: dossiers counted in received that were completed, withdrawn or stopped in the period at or " +
            "before the due time then in force, or are open at its end (now, while it runs) and not overdue, or paused at its end by a pause that began at or " +
            "before the due time then in force; never a dossier with two supplement requests before the end."),
        ("indicator766", "onTime766 / received, 0 to 1; null when nothing was received."),
        ("points766", "indicator766 × 20 (Decision 766/QĐ-TTg, indicator 2.1)."));
}
