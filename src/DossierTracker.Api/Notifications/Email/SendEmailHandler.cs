namespace DossierTracker.Api.Notifications.Email;

/// <summary>The SMTP server did not take the email this time; Wolverine schedules another attempt (<see cref="Configuration"/>).</summary>
public sealed class EmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Claims the notice, sends it, records the outcome. A permanent refusal (5xx) is recorded as bounced and not retried;
/// anything else is recorded as failed and thrown, so the durable message is tried again later, on any node.
/// </summary>
public static class SendEmailHandler
{
    public static async Task Handle(SendEmail email, SentNotices notices, SmtpMailer mailer, ILogger<SendEmail> logger, CancellationToken cancellationToken)
    {
        switch (await notices.ClaimAsync(email, cancellationToken))
        {
            case ClaimOutcome.AlreadyDone:
                logger.LogInformation("Notice {Key} was already sent; not sending it again", email.NoticeKey);
                return;
            case ClaimOutcome.BusyElsewhere:
                throw new EmailDeliveryException($"Notice {email.NoticeKey} is being sent by another attempt.");
        }

        try
        {
            await mailer.SendAsync(email, cancellationToken);
        }
        catch (Exception e) when (SmtpMailer.IsPermanent(e))
        {
            logger.LogWarning("The SMTP server refused notice {Key} to {To} for good: {Error}", email.NoticeKey, email.To, e.Message);
            await notices.MarkBouncedAsync(email.NoticeKey, SmtpMailer.Describe(e), CancellationToken.None);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await notices.MarkFailedAsync(email.NoticeKey, SmtpMailer.Describe(e), CancellationToken.None);
            throw new EmailDeliveryException($"Sending notice {email.NoticeKey} failed: {e.Message}", e);
        }
        await notices.MarkSentAsync(email.NoticeKey, CancellationToken.None);
        logger.LogInformation("Sent notice {Key} to {To}", email.NoticeKey, email.To);
    }
}
