using System.Net.Http.Headers;
using Alba;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Notifications;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.DemoMail;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// The tracker running in-process on the real pipeline, against its own database on the shared PostgreSQL container.
/// Business time is a <see cref="FakeTimeProvider"/> the tests move.
/// </summary>
public sealed class TrackerApp : IAsyncLifetime
{
    /// <summary>Tuesday 10 March 2026, 10:00 in Hà Nội — business hours, long after the 2022 events tests post.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Business time of the current test; a new one per test, since a FakeTimeProvider cannot go back.</summary>
    public FakeTimeProvider Clock { get; private set; } = new(DefaultNow);
    public IAlbaHost Host { get; private set; } = null!;
    public LogCapture Logs { get; } = new();
    public string ConnectionString { get; private set; } = null!;
    /// <summary>The real SMTP server the tracker's emails go to (Notifications tests).</summary>
    public DemoMailServer Mail { get; } = new(DemoMailServer.FreePort());

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("api_tests");
        await Mail.StartAsync();
        // Every test of this shared host calls from the same (absent) address, and many present bad keys on purpose:
        // the per-address limit on failed keys has tests of its own (KeyFloodTests).
        Host = await StartHostAsync(ConnectionString, new CurrentTestClock(this), logs: Logs,
            settings: new Dictionary<string, string>(MailSettings(Mail)) { ["RateLimiting:FailedAuthenticationBurst"] = "1000000" });
    }

    public static Task<IAlbaHost> StartHostAsync(string connectionString, TimeProvider clock, bool lateDetection = false,
        IReadOnlyDictionary<string, string>? settings = null, LogCapture? logs = null, SqlStatementLog? statements = null)
    {
        JasperFxEnvironment.AutoStartHost = true;
        return AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting("Wolverine:Solo", "true");
            builder.UseSetting("Security:KeyCacheSeconds", "0");
            builder.UseSetting("LateDetection:Enabled", lateDetection ? "true" : "false");
            foreach (var (key, value) in TrackerProcess.PatientAdmission) builder.UseSetting(key, value);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton(new TrackerClock(clock)));
            if (logs is not null) builder.ConfigureLogging(logging => logging.AddProvider(logs));
            if (statements is not null) builder.ConfigureLogging(logging => SqlStatementLog.AddTo(logging, statements));
        });
    }

    /// <summary>Emails to <paramref name="mail"/>, retried after a second or two; the digest is handed out by the tests, not a timer.</summary>
    public static IReadOnlyDictionary<string, string> MailSettings(DemoMailServer mail) => new Dictionary<string, string>
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Tls"] = "None",
        ["Notifications:DashboardBaseUrl"] = "https://tracker.test",
        ["Notifications:DigestEnabled"] = "false",
        ["Notifications:RetryDelaysSeconds:0"] = "1",
        ["Notifications:RetryDelaysSeconds:1"] = "1",
        ["Notifications:RetryDelaysSeconds:2"] = "2",
    };

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Mail.DisposeAsync();
    }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Wipes events, documents and the tracker's tables, and resets the clock.</summary>
    public async Task ResetAsync()
    {
        Clock = new FakeTimeProvider(DefaultNow);
        await Host.ResetAllMartenDataAsync();
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"truncate {TrackerTables.Dossiers}, {TrackerTables.DossierPhases}, {TrackerTables.IngestedEvents}, {AuditTable.Name}, " +
                $"{NotificationTables.SentNotices}, {NotificationTables.DigestDays}", connection);
            await command.ExecuteNonQueryAsync();
        }
        await Host.Services.GetRequiredService<ReferenceDataCache>().RefreshAsync(CancellationToken.None);
        Mail.RejectRecipient = _ => false;
        Mail.Clear();
    }

    public Task<string> CreateKeyAsync(string role, string unitCode, string name = "test key") =>
        Host.Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(role, unitCode, name, TestAudit.Setup, CancellationToken.None);

    public HttpClient Client(string? key = null)
    {
        var client = Host.Server.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}

/// <summary>Forwards to whichever FakeTimeProvider the current test uses.</summary>
internal sealed class CurrentTestClock(TrackerApp app) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => app.Clock.GetUtcNow();
}

[CollectionDefinition(Name)]
public sealed class TrackerCollection : ICollectionFixture<TrackerApp>
{
    public const string Name = "tracker";
}
