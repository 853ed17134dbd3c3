using System.Text.Json.Nodes;
using DossierTracker.Api.Http;

namespace DossierTracker.Api.Audit;

/// <summary>Who makes a change and why: what every audit entry of that change shares.</summary>
public sealed record AuditedChange(AuditActor Actor, string? Reason)
{
    public const int MaxReasonLength = 1000;

    public AuditEntry Entry(string action, string? unitCode, string? subject, JsonNode? before, JsonNode? after) =>
        new(action, Actor, unitCode, subject, before, after, Reason);

    /// <summary>
    /// The optional <c>reason</c> query parameter of a change (a query parameter rather than a header, because reasons are
    /// Vietnamese text and header values are not). Absent or blank: not given, so clients of contract v2 keep working.
    /// </summary>
    public static string? ParseReason(QueryParameters query, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var reason = text.Trim();
        query.Check(reason.Length <= MaxReasonLength && !reason.Any(char.IsControl), "reason",
            $"reason must be at most {MaxReasonLength} characters, without control characters.");
        return reason;
    }
}
