using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Calendar;
using DossierTracker.Ingestion;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>The audit trail: the <c>reason</c> every change may carry, and <c>GET /api/audit</c>.</summary>
internal static class AuditDocumentation
{
    /// <summary>The optional reason of a change of reference data (a later admin area requires one).</summary>
    public static void Reason(OperationDoc doc) => doc.Query("reason",
        Schemas.Text("Why the change is made, recorded in the audit trail with the change.", AuditedChange.MaxReasonLength),
        $"Why (in any language; URL-encoded UTF-8), at most {AuditedChange.MaxReasonLength} characters without control characters. " +
        "Optional, so clients of contract version 2 keep working: absent or blank, the audit entry records none (`reason: null`). " +
        "Each item added or changed is one entry, with its value before and after; unchanged items make none.");

    public static async Task GetAudit(OperationDoc doc)
    {
        doc.Query("from", Schemas.Date("First local date (Asia/Ho_Chi_Minh), inclusive."), "Entries from this local date.");
        doc.Query("to", Schemas.Date("Last local date, inclusive; not before `from`."), "Entries up to this local date.");
        doc.Query("action", Schemas.Enum("What was done.", AuditActions.All), "Only entries of this action.");
        doc.Query("actor", Schemas.Code("A key or account id, or its name."), "Only entries by this actor (id or name, exact).");
        doc.Query("subject", Schemas.Code("What was changed: a unit or procedure code, a year, a key or account id."), "Only entries about this subject (exact).");
        doc.Query("unit", Schemas.Code("Unit code."), "Only entries of this unit and the units it covers (its subtree and predecessors). " +
            "Outside the key's scope: 403; unknown: 422 `unknown-unit`.");
        doc.Query("page", Schemas.Integer("Page number, from 1.", 1, ListPaging.MaxPage, 1), "Page (1-based).");
        doc.Query("pageSize", Schemas.Integer("Items per page.", 1, ListPaging.MaxPageSize, ListPaging.DefaultPageSize), "Page size.");
        doc.Response(StatusCodes.Status200OK,
            "Entries newest first, one page. An admin reads the entries of the units in its scope, the province-wide ones (procedures, " +
            "calendar years: `unitCode` null) when its scope unit is a whole province, and its own actions wherever they fall.",
            OperationDoc.Json, await doc.SchemaOf<AuditPage>(Describe), [new Example("page", "A renamed unit and a sign-in", OperationDoc.Wire(Sample()))]);
        doc.ValidationProblem("One or more query parameters are not valid; see errors.", new() { ["to"] = ["to must not be before from."] });
        doc.Problems(ProblemCodes.UnknownUnit, ProblemCatalogue.Forbidden);
    }

    private static void Describe(OpenApiSchema schema)
    {
        Schemas.Describe(schema, "One page of the audit trail.", ("total", "Entries on all pages."));
        Schemas.Describe(Schemas.ItemsOf(schema, "items"), "One audit entry; entries are never changed or deleted.",
            ("at", "When, by the tracker's clock."),
            ("actor", "Who: `kind` (`key`, `account` or `system` for the command line), `id` and `name`; never a secret."),
            ("action", $"What: {string.Join(", ", AuditActions.All.Select(a => $"`{a}`"))}."),
            ("unitCode", "The unit the entry belongs to, for scoped reading; null for province-wide reference data."),
            ("subject", "What was changed: a unit or procedure code, a year, a key id."),
            ("before", "The item before the change (its API representation); null when it was added."),
            ("after", "The item after the change; for a failed sign-in, why it failed."),
            ("reason", "Why, as given with the change; null when none was given."));
    }

    private static AuditPage Sample()
    {
        var at = VietnamTime.At(new DateOnly(2026, 3, 10), new TimeOnly(9, 30));
        var admin = AuditActor.Key("k7f3a9c2", "Sở Nội vụ – quản trị");
        return new AuditPage(2, 1, ListPaging.DefaultPageSize,
        [
            new AuditItem(Guid.CreateVersion7(at), at, admin, AuditActions.UnitChanged, "000.00.31.H22", "000.00.31.H22",
                new JsonObject { ["code"] = "000.00.31.H22", ["name"] = "Huyện Cao Phong", ["level"] = "district", ["parentCode"] = "000.00.00.H22" },
                new JsonObject { ["code"] = "000.00.31.H22", ["name"] = "Huyện Cao Phong (mới)", ["level"] = "district", ["parentCode"] = "000.00.00.H22" },
                "Đổi tên theo Nghị quyết 12/NQ-HĐND"),
            new AuditItem(Guid.CreateVersion7(at.AddMinutes(-5)), at.AddMinutes(-5), admin, AuditActions.SignedIn, "000.00.00.H22", "k7f3a9c2",
                null, null, null),
        ]);
    }
}
