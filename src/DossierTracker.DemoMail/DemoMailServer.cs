using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DossierTracker.DemoMail;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps every message it accepts in memory: the demo's mailbox and the tests'
/// mail server. Recipients for which <see cref="RejectRecipient"/> holds are refused with a permanent 550, as a
/// mailbox that does not exist would be; <see cref="StopAsync"/> and <see cref="StartAsync"/> play an outage.
/// </summary>
public sealed class DemoMailServer(int port) : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _messages = new();
    private SmtpServer.SmtpServer? _server;
    private Task _running = Task.CompletedTask;

    public int Port { get; } = port;

    public Func<string, bool> RejectRecipient { get; set; } = _ => false;

    public IReadOnlyList<ReceivedMail> Messages => _messages.ToArray();

    /// <summary>A port free on 127.0.0.1 now, for a server each test run owns.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("demo-mail.local")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _server.ShutdownTask;
        await _running;
        _server = null;
    }

    public void Clear() => _messages.Clear();

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, or the timeout passes; returns them.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (_messages.Count < count && !cancel.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
        return Messages;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<ReceivedMail> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            messages.Enqueue(new ReceivedMail(DateTimeOffset.UtcNow, transaction.To.Select(t => t.AsAddress()).ToList(), message));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(DemoMailServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server.RejectRecipient(to.AsAddress()));
    }
}

/// <summary>A message as the server accepted it: when, for whom (the envelope's recipients), and its content.</summary>
public sealed record ReceivedMail(DateTimeOffset At, IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";

    public string Text => Message.TextBody ?? "";
}
