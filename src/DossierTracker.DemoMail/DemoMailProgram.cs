using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DossierTracker.DemoMail;

/// <summary>
/// The demo's mailbox: SMTP on 127.0.0.1:<c>--smtp-port</c> (default 2525), and the messages received on a small
/// page at http://127.0.0.1:<c>--http-port</c> (default 8025), newest first, with their links clickable.
/// </summary>
public static partial class DemoMailProgram
{
    public static async Task Main(string[] args)
    {
        var smtpPort = PortArgument(args, "--smtp-port", 2525);
        var httpPort = PortArgument(args, "--http-port", 8025);
        var listenAddress = args.Contains("--any-address") ? "0.0.0.0" : "127.0.0.1";
        await using var mail = new DemoMailServer(smtpPort);
        await mail.StartAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{listenAddress}:{httpPort}");
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page(mail.Messages), "text/html; charset=utf-8"));
        Console.WriteLine($"Demo mail: SMTP on 127.0.0.1:{smtpPort}, messages at http://127.0.0.1:{httpPort}/");
        await app.RunAsync();
    }

    private static int PortArgument(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var port) ? port : fallback;
    }

    private static string Page(IReadOnlyList<ReceivedMail> messages)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>Demo mail</title><body style=\"font-family:sans-serif;max-width:60rem;margin:auto\"><h1>Demo mail</h1>");
        if (messages.Count == 0) html.Append("<p>No messages yet.</p>");
        foreach (var mail in messages.Reverse())
        {
            html.Append("<article style=\"border-top:1px solid #ccc;padding:.5rem 0\"><h2 style=\"font-size:1.1rem\">")
                .Append(WebUtility.HtmlEncode(mail.Subject)).Append("</h2><p><small>")
                .Append(WebUtility.HtmlEncode(string.Join(", ", mail.Recipients))).Append(" · ")
                .Append(mail.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).Append("</small></p><pre style=\"white-space:pre-wrap\">")
                .Append(Links().Replace(WebUtility.HtmlEncode(mail.Text), m => $"<a href=\"{m.Value}\">{m.Value}</a>"))
                .Append("</pre></article>");
        }
        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"https?://[^\s<]+")]
    private static partial Regex Links();
}
