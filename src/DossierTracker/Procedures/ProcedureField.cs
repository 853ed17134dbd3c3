namespace DossierTracker.Procedures;

/// <summary>A field of procedures (lĩnh vực), coded as in the national procedure database; form 06's column (2).</summary>
public sealed record ProcedureField(string Code, string Name);
