using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DossierTracker.Api.Notifications.Email;

/// <summary>Sends one email over SMTP with MailKit, a connection per email (a few hundred a day at most).</summary>
public sealed class SmtpMailer(IOptions<NotificationOptions> options)
{
    public async Task SendAsync(SendEmail email, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        // The same Message-ID on every attempt: a mail store that received a copy before a crash can recognise the next.
        message.MessageId = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.NoticeKey)))[..32]}@dossiertracker";
        message.Body = new TextPart("plain") { Text = email.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Tls switch
        {
            SmtpTls.None => SecureSocketOptions.None,
            SmtpTls.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.Auto,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    /// <summary>A 5xx answer: the server refused for good (no such mailbox, rejected content); retrying changes nothing.</summary>
    public static bool IsPermanent(Exception e) => e is SmtpCommandException { StatusCode: var code } && (int)code >= 500;

    /// <summary>The server's answer with its reply code, as an admin needs it to tell a full mailbox from a missing one.</summary>
    public static string Describe(Exception e) => e is SmtpCommandException command
        ? $"{(int)command.StatusCode} {command.Message}"
        : $"{e.GetType().Name}: {e.Message}";
}
