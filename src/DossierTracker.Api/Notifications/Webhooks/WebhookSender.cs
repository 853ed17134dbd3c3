using System.Text;
using DossierTracker.Calendar;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>POSTs one signed notice to a receiver; the answer is null when it was accepted (any 2xx), else why not.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, TrackerClock clock)
{
    public const string ClientName = "webhooks";
    private const int MaxErrorLength = 500;

    public async Task<string?> SendAsync(string url, string protectedSecret, string body, CancellationToken cancellationToken)
    {
        var timestamp = WebhookSignature.Timestamp(clock.Now);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secrets.Unprotect(protectedSecret), timestamp, body));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
        catch (HttpRequestException e)
        {
            return Shorten(e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "The receiver did not answer in time.";
        }
    }

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
