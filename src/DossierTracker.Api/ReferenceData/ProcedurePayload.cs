using DossierTracker.Calendar;
using DossierTracker.Procedures;

namespace DossierTracker.Api.ReferenceData;

public sealed record ProcessingTimePayload(int? Value, ProcessingTimeUnit? Unit);

/// <summary>A procedure's field (lĩnh vực) on the wire.</summary>
public sealed record ProcedureFieldPayload(string? Code, string? Name);

/// <summary>A procedure on the wire (PUT and GET /api/procedures); <c>field</c> is optional (contract version 2).</summary>
public sealed record ProcedurePayload(string? Code, string? Name, ProcessingTimePayload? ProcessingTime, ProcedureFieldPayload? Field = null)
{
    public static ProcedurePayload Of(Procedure p) =>
        new(p.Code, p.Name, new ProcessingTimePayload(p.ProcessingTime.Value, p.ProcessingTime.Unit),
            p.Field is { } field ? new ProcedureFieldPayload(field.Code, field.Name) : null);

    public static IReadOnlyList<ProcedurePayload> Ordered(IEnumerable<Procedure> procedures) =>
        procedures.OrderBy(p => p.Code, StringComparer.Ordinal).Select(Of).ToList();
}
