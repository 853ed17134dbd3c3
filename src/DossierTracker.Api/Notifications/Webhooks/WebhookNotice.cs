using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Http;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// The body a webhook receives. <c>id</c> is the same for one notice at every attempt and every webhook (receivers
/// deduplicate on it); <c>at</c> is when the tracker noticed: the due-soon sweep that found the dossier, or the moment
/// it marked the dossier late.
/// </summary>
public sealed record WebhookNotice(Guid Id, string Kind, string DossierCode, string UnitCode, string ProcedureCode, DateTimeOffset DueAt, DateTimeOffset At)
{
    public static WebhookNotice Of(string kind, string dossierCode, string unitCode, string procedureCode, DateTimeOffset dueAt, DateTimeOffset at) =>
        new(IdOf(kind, dossierCode, dueAt), kind, dossierCode, unitCode, procedureCode, dueAt, at);

    /// <summary>
    /// Derived from what the notice is about (kind, dossier, due time), so the same notice found twice (a retried
    /// message, a second sweep) has the same id and the deliveries' unique key stores it once.
    /// </summary>
    public static Guid IdOf(string kind, string dossierCode, DateTimeOffset dueAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{dossierCode}\n{dueAt.ToUnixTimeMilliseconds()}"));
        // RFC 9562 version 8 (custom), variant 10.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public string ToJson() => JsonSerializer.Serialize(this, ApiJson.Options);
}
