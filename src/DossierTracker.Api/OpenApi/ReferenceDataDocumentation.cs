using DossierTracker.Api.Calendars;
using DossierTracker.Api.Http;
using DossierTracker.Api.Organisation;
using DossierTracker.Api.Procedures;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>Units, procedures and the working calendar: read by any key, written by <c>admin</c>.</summary>
internal static class ReferenceDataDocumentation
{
    public static async Task GetUnits(OperationDoc doc) =>
        doc.Response(StatusCodes.Status200OK, "Every unit, ordered by level then code; `parentCode` links the tree.", OperationDoc.Json,
            Schemas.ArrayOf(await Unit(doc)), [new Example("province", "A province's tree before and after the July 2025 reorganisation", OperationDoc.Wire(SampleData.UnitPayloads))]);

    public static async Task PutUnits(OperationDoc doc)
    {
        AuditDocumentation.Reason(doc);
        var unit = await Unit(doc);
        doc.Body("Units to add or replace, by code. Units not named are kept (dossiers and history refer to them). The merged tree is " +
            "checked as a whole — unknown parents, cycles, levels under the wrong parent — and nothing is stored unless it is valid.",
            Schemas.ArrayOf(unit), [new Example("province", "A province's tree", OperationDoc.Wire(SampleData.UnitPayloads))]);
        doc.Response(StatusCodes.Status200OK, "The whole tree after the change, stored units included.", OperationDoc.Json,
            Schemas.ArrayOf(unit), [new Example("province", "The merged tree", OperationDoc.Wire(SampleData.UnitPayloads))]);
        doc.ValidationProblem("One or more fields are not valid; see errors.",
            new() { ["[3]"] = ["level is required: province, department, district or commune."] });
        doc.Problems(ProblemCatalogue.InvalidSuccessor, ProblemCatalogue.MalformedJson, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType);
    }

    public static async Task GetProcedures(OperationDoc doc) =>
        doc.Response(StatusCodes.Status200OK, "Every procedure, ordered by code.", OperationDoc.Json,
            Schemas.ArrayOf(await Procedure(doc)), [new Example("catalogue", "Procedures with each unit of processing time", OperationDoc.Wire(SampleData.Procedures))]);

    public static async Task PutProcedures(OperationDoc doc)
    {
        AuditDocumentation.Reason(doc);
        var procedure = await Procedure(doc);
        doc.Body("Procedures to add or replace, by code, with their legal processing time. Due times already computed are not changed.",
            Schemas.ArrayOf(procedure), [new Example("catalogue", "Procedures with each unit of processing time", OperationDoc.Wire(SampleData.Procedures))]);
        doc.Response(StatusCodes.Status200OK, "Every procedure after the change, ordered by code.", OperationDoc.Json,
            Schemas.ArrayOf(procedure), [new Example("catalogue", "The catalogue", OperationDoc.Wire(SampleData.Procedures))]);
        doc.ValidationProblem("One or more fields are not valid; see errors.",
            new() { ["[0]"] = ["processingTime.unit must be working-days, working-hours or calendar-days."] });
        doc.Problems(ProblemCatalogue.FieldNameConflict, ProblemCatalogue.MalformedJson, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType);
    }

    public static async Task GetCalendar(OperationDoc doc)
    {
        Year(doc);
        doc.Response(StatusCodes.Status200OK, "The year as the tracker applies it.", OperationDoc.Json, await CalendarYear(doc),
            [new Example("official", "2026 from the official table shipped with the service", OperationDoc.Wire(SampleData.Calendar2026))]);
        doc.ValidationProblem("One or more fields are not valid; see errors.", YearErrors());
    }

    public static async Task PutCalendar(OperationDoc doc)
    {
        Year(doc);
        AuditDocumentation.Reason(doc);
        doc.Body("Replaces the year's days off and worked weekend days. Recorded as an event with who and when; due times already " +
            "computed keep their value, new ones use the corrected year. Every date must lie in the year.",
            await doc.SchemaOf<CalendarCorrectionPayload>(schema => Schemas.Describe(schema,
                "An operator's correction of a year. A missing list counts as empty.",
                ("holidays", "Days off (holidays and the days given in lieu), YYYY-MM-DD."),
                ("workingDays", "Weekend days that are worked (swapped Saturdays), YYYY-MM-DD; weekdays are working days already."))),
            [new Example("2026", "The 2026 days off and swapped Saturdays", OperationDoc.Wire(SampleData.Correction2026))]);
        doc.Response(StatusCodes.Status200OK, "The year as corrected.", OperationDoc.Json, await CalendarYear(doc),
            [new Example("corrected", "2026 after an operator's correction", OperationDoc.Wire(SampleData.Corrected2026))]);
        doc.ValidationProblem("One or more fields are not valid; see errors.",
            new() { ["workingDays"] = ["workingDays lists weekend days that are worked; a weekday is already a working day."] });
        doc.Problems(ProblemCatalogue.MalformedJson, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType);
    }

    private static Task<IOpenApiSchema> Unit(OperationDoc doc) => doc.SchemaOf<UnitPayload>(schema =>
    {
        Schemas.Describe(schema, "A unit of the organisation tree.",
            ("code", "Unit code (mã định danh), 1–100 characters."),
            ("name", "Name, 1–300 characters."),
            ("level", "`province`; `department` (sở/ban/ngành and other province-level bodies) and `district` (huyện/thị xã/thành phố " +
                "thuộc tỉnh) under the province; `commune` (xã/phường/thị trấn) under a district or, after July 2025, the province."),
            ("parentCode", "The parent unit; absent or null for the province."),
            ("validFrom", "First local date the unit exists (inclusive); absent: always."),
            ("validTo", "Last local date the unit exists (inclusive); absent: still valid."),
            ("successorCode", "On a unit with a validTo: the unit that takes over its work the day after (e.g. the commune a ceased commune " +
                "merged into on 1 July 2025). It must be in the tree after the request and valid on the day after validTo, otherwise " +
                "422 `invalid-successor`. Its dossiers count for the successor in periods that start after validTo, and the " +
                "successor's keys act on them."),
            ("reportRecipient", "The body the unit files its form 06 with (\"Đơn vị nhận báo cáo\" in the XLSX heading), 1–300 characters. " +
                "Absent or null: the parent unit's name, and for a province \"Văn phòng Ủy ban nhân dân tỉnh\". A PUT replaces the whole " +
                "unit, so a unit sent without it goes back to the parent."));
        Schemas.Length(schema, "code", 1, 100);
        Schemas.Length(schema, "name", 1, 300);
        Schemas.Length(schema, "reportRecipient", 1, 300);
        Schemas.Require(schema, "code", "name", "level");
    });

    private static Task<IOpenApiSchema> Procedure(OperationDoc doc) => doc.SchemaOf<ProcedurePayload>(schema =>
    {
        Schemas.Describe(schema, "An administrative procedure (thủ tục hành chính), its legal processing time and its field.",
            ("code", "Procedure code of the national database (e.g. 1.004227), 1–100 characters."),
            ("name", "Name, 1–1000 characters."),
            ("processingTime", "`working-days`: N × 8 working hours from the normalised receipt; `working-hours`: N working hours; " +
                "`calendar-days`: 17:00 on the local date of receipt + N days, moved to the next working day."),
            ("field", "The procedure's field (lĩnh vực) as in the national procedure database, e.g. `{ \"code\": \"G13-TN02\", \"name\": " +
                "\"Đất đai\" }`: form 06's rows by field group by its code. Optional; absent or null: no field (the report's `fieldCode: null` " +
                "row). A PUT replaces the whole procedure, so a procedure sent without it loses its field. A field code has one name: a " +
                "request naming one code with two names, or with a name other than the stored procedures' it does not replace, is a 422 " +
                "`field-name-conflict` naming the items, and nothing is stored. To rename a field, send all its procedures at once."));
        Schemas.Length(schema, "code", 1, 100);
        Schemas.Length(schema, "name", 1, 1000);
        var field = Schemas.Property(schema, "field");
        Schemas.Describe(field, null,
            ("code", "Field code, 1–100 characters, without surrounding spaces or control characters."),
            ("name", "Field name, 1–1000 characters; the same for every procedure of the field."));
        Schemas.Length(field, "code", 1, 100);
        Schemas.Length(field, "name", 1, 1000);
        Schemas.Require(field, "code", "name");
        var time = Schemas.Property(schema, "processingTime");
        Schemas.Property(time, "value").Minimum = "0";
        Schemas.Property(time, "value").Maximum = "3650";
        Schemas.Require(schema, "code", "name", "processingTime");
        Schemas.Require(time, "value", "unit");
    });

    private static Task<IOpenApiSchema> CalendarYear(OperationDoc doc) => doc.SchemaOf<CalendarYearView>(schema => Schemas.Describe(schema,
        "A year's working calendar as the tracker applies it, and where it comes from.",
        ("source", "`operator` (a correction made with PUT), `official-table` (the government decision shipped with the service) " +
            "or `computed` (from the Labour Code rules and the lunar calendar, an approximation)."),
        ("holidays", "Days off, YYYY-MM-DD."),
        ("workingDays", "Weekend days that are worked, YYYY-MM-DD."),
        ("changedBy", "Who made the operator's correction."),
        ("changedAt", "When the operator's correction was made."),
        ("officeHours", "Office periods of a working day, local time (HH:mm-HH:mm).")));

    private static void Year(OperationDoc doc) => doc.Parameter("year", ParameterLocation.Path,
        Schemas.Integer("The calendar year.", SupportedYears.First, SupportedYears.Last), "The calendar year.", example: 2026);

    private static Dictionary<string, string[]> YearErrors() =>
        new() { ["year"] = [$"year must be a number from {SupportedYears.First} to {SupportedYears.Last}."] };
}
