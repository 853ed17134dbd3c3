namespace DossierTracker.Api.Notifications.Email;

/// <summary>
/// One email to send, a durable Wolverine message (stored in PostgreSQL, retried, handed to a live node when its node
/// dies). <see cref="NoticeKey"/> names what it is — <c>alert:…</c> or <c>digest:…</c> — so however often the message
/// is delivered, the email is sent once (<see cref="SentNotices"/>).
/// </summary>
public sealed record SendEmail(string NoticeKey, string Kind, string To, string Subject, string Body);

public static class NoticeKinds
{
    public const string LateAlert = "late-alert";
    public const string Digest = "digest";
}
