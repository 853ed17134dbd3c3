using System.Globalization;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Accounts.SingleSignOn;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// Opens a dashboard session: with a username and password (then a TOTP code when the account has a second factor), or
/// with a supervisor or admin API key (machines, the demo). Both are checked as the API checks keys: an address that
/// keeps failing is made to wait, whatever usernames it tries; an account that keeps failing is locked
/// (<see cref="AccountSignIn"/>). The session cookie holds the account's or key's id, role, scope unit and name and a
/// session id, never a password or key. Key sign-ins and failed ones go to the audit trail (account ones: <see cref="AccountSignIn"/>).
/// When single sign-on is configured, a link starts it (<see cref="SingleSignOnCallback"/> finishes it).
/// </summary>
public sealed class SignInModel(ApiKeyVerifier verifier, ApiKeyRegistry registry, AuditTrail audit, AccountSignIn accounts, AuthenticationFailures failures,
    IOptions<AccountOptions> accountOptions, IOptions<SingleSignOnOptions> singleSignOn)
    : DashboardPageModel
{
    public override string PageTitle => Text.SignInTitle;
    protected override bool IsAboutUnit => false;

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool SignedOut { get; set; }
    public string? Username { get; private set; }
    /// <summary>Set between the password and the code: the encrypted ticket the code form carries.</summary>
    public string? Ticket { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The form the error belongs to: <c>password</c>, <c>code</c>, <c>key</c> or <c>sso</c>.</summary>
    public string? ErrorForm { get; private set; }
    /// <summary>The single sign-on button's text; null when single sign-on is off.</summary>
    public string? SingleSignOnButton => singleSignOn.Value.IsEnabled ? singleSignOn.Value.DisplayName ?? Text.SingleSignOn.Button : null;

    public IActionResult OnGet([FromQuery(Name = SingleSignOnCallback.RefusalParameter)] string? refusal)
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(Destination);
        return refusal is null ? Page() : Refuse("sso", Text.SingleSignOn.Refusal(refusal));
    }

    /// <summary>
    /// Starts single sign-on. A link, not a form: the form-action policy would stop a form's redirect to the provider,
    /// and starting a sign-in changes nothing here (the state and correlation cookie guard the way back).
    /// </summary>
    public IActionResult OnGetSso() => singleSignOn.Value.IsEnabled
        ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/") }, SingleSignOnOptions.Scheme)
        : NotFound();

    public async Task<IActionResult> OnPostAsync(string? username, string? password)
    {
        Username = username?.Trim();
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password)) return Refuse("password", Text.SignInMissingPassword);
        if (Throttled() is { } wait) return wait;
        var result = await accounts.WithPasswordAsync(username.Trim(), password, HttpContext.RequestAborted);
        return await AnswerAsync(result, "password");
    }

    public async Task<IActionResult> OnPostCodeAsync(string? ticket, string? code)
    {
        if (string.IsNullOrEmpty(ticket)) return Refuse("password", Text.SignInCodeExpired);
        Ticket = ticket;
        if (string.IsNullOrWhiteSpace(code)) return Refuse("code", Text.SignInMissingCode);
        if (Throttled() is { } wait) return wait;
        var result = await accounts.WithCodeAsync(ticket, code, HttpContext.RequestAborted);
        return await AnswerAsync(result, "code");
    }

    public async Task<IActionResult> OnPostKeyAsync(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return Refuse("key", Text.SignInMissingKey);
        var verification = await verifier.VerifyAsync(key.Trim(), HttpContext);
        if (verification.RetryAfter is { } wait) return TooManyTries("key", wait);
        if (verification.Key is not { } found)
        {
            await SignInAudit.FailedAsync(audit, registry, key.Trim(), "unknown or revoked key", HttpContext.RequestAborted);
            return Refuse("key", Text.SignInUnknownKey);
        }
        if (found.Role is not (Roles.Supervisor or Roles.Admin))
        {
            await SignInAudit.FailedAsync(audit, registry, key.Trim(), $"role {found.Role} may not use the dashboard", HttpContext.RequestAborted);
            return Refuse("key", Text.SignInWrongRole);
        }

        await HttpContext.SignInAsync(DashboardAuthentication.Scheme, DashboardAuthentication.PrincipalFor(found),
            new AuthenticationProperties { IsPersistent = false });
        await SignInAudit.SignedInAsync(audit, found, HttpContext.RequestAborted);
        return LocalRedirect(Destination);
    }

    private async Task<IActionResult> AnswerAsync(SignInAttempt result, string form)
    {
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await DashboardAuthentication.SignInAsync(HttpContext, result.Account!);
                return LocalRedirect(Destination);
            case SignInOutcome.CodeRequired:
                Ticket = result.Ticket;
                return Page();
            case SignInOutcome.LockedOut:
                failures.Record(HttpContext);
                return Refuse(form, Text.Format(Text.SignInLockedOutFormat, accountOptions.Value.LockoutMinutes));
            case SignInOutcome.Disabled:
                return Refuse("password", Text.SignInAccountDisabled);
            case SignInOutcome.TicketExpired:
                Ticket = null;
                return Refuse("password", Text.SignInCodeExpired);
            default:
                failures.Record(HttpContext);
                return Refuse(form, form == "code" ? Text.SignInWrongCode : Text.SignInWrongPassword);
        }
    }

    /// <summary>The per-address limit shared with API keys: spraying passwords over many usernames is stopped too.</summary>
    private IActionResult? Throttled() => failures.WaitBeforeTrying(HttpContext) is { } wait ? TooManyTries(Ticket is null ? "password" : "code", wait) : null;

    private IActionResult TooManyTries(string form, TimeSpan wait)
    {
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Refuse(form, Text.SignInThrottled);
    }

    private IActionResult Refuse(string form, string message)
    {
        (ErrorForm, Error) = (form, message);
        return Page();
    }

    private string Destination => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";
}
