using DossierTracker.Calendar;
using DossierTracker.Procedures;

namespace DossierTracker.Api.ReferenceData;

public sealed record ProcessingTimePayload(int? Value, ProcessingTimeUnit? Unit);

/// <summary>A procedure on the wire (PUT and GET /api/procedures).</summary>
public sealed record ProcedurePayload(string? Code, string? Name, ProcessingTimePayload? ProcessingTime)
{
    public static ProcedurePayload Of(Procedure p) =>
        new(p.Code, p.Name, new ProcessingTimePayload(p.ProcessingTime.Value, p.ProcessingTime.Unit));

    public static IReadOnlyList<ProcedurePayload> Ordered(IEnumerable<Procedure> procedures) =>
        procedures.OrderBy(p => p.Code, StringComparer.Ordinal).Select(Of).ToList();
}
