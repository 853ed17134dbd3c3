namespace DossierTracker.Api.Notifications;

public enum SmtpTls { None, StartTls, Auto }

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The dashboard's public address, for links in emails (e.g. https://tracker.example.gov.vn).</summary>
    public string DashboardBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Vietnam time of the daily digest on working days.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 30);

    /// <summary>The digest agent looks whether today's digest is due this often.</summary>
    public int DigestCheckSeconds { get; set; } = 30;

    public bool DigestEnabled { get; set; } = true;

    /// <summary>Waits between attempts of an email whose SMTP server failed for a while; then it is given up (dead letter).</summary>
    public int[] RetryDelaysSeconds { get; set; } = [10, 60, 300, 1800, 3600, 3 * 3600, 6 * 3600];

    public bool SendsEmail => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>Configuration section <c>Notifications:Smtp</c>; no host means no email.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "DossierTracker <no-reply@dossiertracker.local>";
    public string? User { get; set; }
    public string? Password { get; set; }
    public SmtpTls Tls { get; set; } = SmtpTls.Auto;
}
