using DossierTracker.Dossiers;

namespace DossierTracker.Ingestion;

/// <summary>The outcome of deciding one submission: the event to store, or why not.</summary>
public sealed record Decision(IDossierEvent? Event, Rejection? Rejection)
{
    public static Decision Accept(IDossierEvent @event) => new(@event, null);
    public static Decision Reject(string code, string detail) => new(null, new Rejection(code, detail));
    public bool IsAccepted => Event is not null;
}
