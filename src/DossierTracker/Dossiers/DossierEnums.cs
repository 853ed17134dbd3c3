namespace DossierTracker.Dossiers;

public enum Channel { Online, Direct, Postal }

public enum PauseReason { Supplement, Payment, Other }

public enum Outcome { Approved, Refused }

/// <summary>The status shown to supervisors; maps onto the national status codes (TrangThaiHoSo).</summary>
public enum DossierStatus { Received, Processing, Paused, Resolved, Returned, Withdrawn, Stopped }

/// <summary>Result of a completed dossier by the rule of report form 06: local calendar dates compared.</summary>
public enum CompletionResult { Early, OnTime, Late }
