namespace DossierTracker.Api.Accounts;

/// <summary>
/// One thing wrong with an account request: the field (as the command line and forms name it), a stable code the
/// dashboard translates, and an English message for the command line.
/// </summary>
public sealed record AccountProblem(string Field, string Code, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
