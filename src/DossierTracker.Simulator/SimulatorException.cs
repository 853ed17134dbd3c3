namespace DossierTracker.Simulator;

/// <summary>A problem the user can fix (a missing file, a refused key, a bad option); shown as one line, without a stack trace.</summary>
public sealed class SimulatorException(string message) : Exception(message);
