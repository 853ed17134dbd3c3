using DossierTracker.Calendar;

namespace DossierTracker.Procedures;

/// <summary>An administrative procedure (TTHC), its legal processing time and its field (lĩnh vực), when known.</summary>
public sealed record Procedure(string Code, string Name, ProcessingTime ProcessingTime, ProcedureField? Field = null);
