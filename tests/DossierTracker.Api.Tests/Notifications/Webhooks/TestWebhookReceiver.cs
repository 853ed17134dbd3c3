using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DossierTracker.Api.Tests.Notifications.Webhooks;

/// <summary>
/// A one-stop system's receiver, on Kestrel at 127.0.0.1 on a free port: it verifies each request as the README tells
/// receivers to (HMAC-SHA256 of "timestamp.body" with the secret, timestamp within 5 minutes of its clock), refuses
/// the first <see cref="FailFirst"/> attempts (or all, with <see cref="AlwaysFail"/>) with a 500, and keeps what it accepted.
/// </summary>
public sealed class TestWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<DateTimeOffset> _now;
    private int _attempts;

    public string Secret { get; set; } = "";
    public int FailFirst { get; init; }
    public bool AlwaysFail { get; init; }
    public int Attempts => Volatile.Read(ref _attempts);
    /// <summary>Notices answered 2xx, in arrival order.</summary>
    public ConcurrentQueue<JsonObject> Accepted { get; } = new();
    /// <summary>Requests whose signature or timestamp did not verify.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();
    public string Url { get; private set; } = "";

    private TestWebhookReceiver(Func<DateTimeOffset> now)
    {
        _now = now;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", ReceiveAsync);
    }

    /// <param name="now">The receiver's clock, for the replay window: the tracker's business clock in these tests.</param>
    public static async Task<TestWebhookReceiver> StartAsync(Func<DateTimeOffset> now, int failFirst = 0, bool alwaysFail = false)
    {
        var receiver = new TestWebhookReceiver(now) { FailFirst = failFirst, AlwaysFail = alwaysFail };
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = address + "/hook";
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var attempt = Interlocked.Increment(ref _attempts);
        var timestamp = request.Headers["X-DossierTracker-Timestamp"].ToString();
        var signature = request.Headers["X-DossierTracker-Signature"].ToString();
        if (Verify(timestamp, signature, body) is { } refusal)
        {
            Refused.Enqueue(refusal);
            return Results.Unauthorized();
        }
        if (AlwaysFail || attempt <= FailFirst) return Results.StatusCode(StatusCodes.Status500InternalServerError);
        Accepted.Enqueue(JsonNode.Parse(body)!.AsObject());
        return Results.Ok();
    }

    private string? Verify(string timestamp, string signature, string body)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return "no timestamp";
        if ((_now() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimeSpan.FromMinutes(5)) return "timestamp outside the window";
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)) ? null : "bad signature";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
