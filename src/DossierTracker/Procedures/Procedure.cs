using DossierTracker.Calendar;

namespace DossierTracker.Procedures;

/// <summary>An administrative procedure (TTHC) and its legal processing time.</summary>
public sealed record Procedure(string Code, string Name, ProcessingTime ProcessingTime);
