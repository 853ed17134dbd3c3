using System.Text.Encodings.Web;
using DossierTracker.Api.Accounts.SingleSignOn;
using DossierTracker.Api.Dashboard.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// The end of the single sign-on provider's round trip, once the handler (<see cref="SingleSignOnOptions.Scheme"/>, set
/// up by the accounts' single sign-on when configured) has checked the state, the code, PKCE and the id token. An
/// accepted person gets the dashboard's account session; a refused one, or a failed round trip, lands on the sign-in
/// page with the reason (<c>?sso=</c> a code from <see cref="SingleSignOnRefusals"/>), never on an error page.
/// </summary>
public sealed partial class SingleSignOnCallback : IPostConfigureOptions<OpenIdConnectOptions>
{
    public const string RefusalParameter = "sso";

    public void PostConfigure(string? name, OpenIdConnectOptions options)
    {
        if (name != SingleSignOnOptions.Scheme) return;
        // Never used to sign in: the callback opens the dashboard's own session, with an account's claims.
        options.SignInScheme = DashboardAuthentication.Scheme;
        options.Events.OnTicketReceived = OnTicketReceivedAsync;
        options.Events.OnRemoteFailure = OnRemoteFailureAsync;
    }

    private static async Task OnTicketReceivedAsync(TicketReceivedContext context)
    {
        var http = context.HttpContext;
        context.HandleResponse();
        var options = http.RequestServices.GetRequiredService<IOptions<SingleSignOnOptions>>().Value;
        if (context.Principal is null || ProviderIdentity.From(context.Principal, options) is not { } identity)
        {
            RedirectToSignIn(http, SingleSignOnRefusals.Failed);
            return;
        }
        var result = await http.RequestServices.GetRequiredService<SingleSignOnSignIn>().SignInAsync(identity, http.RequestAborted);
        if (result.Account is not { } account)
        {
            RedirectToSignIn(http, result.Refusal!);
            return;
        }
        await DashboardAuthentication.SignInAsync(http, account);
        await ContinueAsync(http, IsLocal(context.ReturnUri) ? context.ReturnUri! : http.Request.PathBase + "/");
    }

    private static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        Failed(context.HttpContext.RequestServices.GetRequiredService<ILogger<SingleSignOnCallback>>(), context.Failure?.Message);
        context.HandleResponse();
        RedirectToSignIn(context.HttpContext, SingleSignOnRefusals.Failed);
        return Task.CompletedTask;
    }

    private static void RedirectToSignIn(HttpContext http, string refusal) =>
        http.Response.Redirect($"{http.Request.PathBase}/signin?{RefusalParameter}={Uri.EscapeDataString(refusal)}");

    /// <summary>
    /// A page that moves on by itself rather than a redirect: the browser arrived here from the provider's site, and a
    /// redirect would stay part of that cross-site navigation, which withholds the SameSite=Strict session cookie from
    /// the next page. A navigation this page starts is the tracker's own.
    /// </summary>
    private static async Task ContinueAsync(HttpContext http, string destination)
    {
        var language = DashboardLanguage.Of(http.Request);
        var text = language.SingleSignOn;
        var target = HtmlEncoder.Default.Encode(destination);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{language.Language}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={target}">
            <title>{HtmlEncoder.Default.Encode(text.Continuing)}</title></head>
            <body><p><a href="{target}" data-testid="sso-continue">{HtmlEncoder.Default.Encode(text.Continue)}</a></p></body></html>
            """, http.RequestAborted);
    }

    /// <summary>Set by the sign-in page after its own check; checked again since it comes back through the browser (encrypted, but still).</summary>
    private static bool IsLocal(string? uri) => uri is ['/', ..] && !uri.StartsWith("//", StringComparison.Ordinal) && !uri.StartsWith("/\\", StringComparison.Ordinal);

    [LoggerMessage(LogLevel.Warning, "Single sign-on failed at the provider or on the way back: {Failure}")]
    private static partial void Failed(ILogger logger, string? failure);
}
