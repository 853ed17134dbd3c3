using DossierTracker.Api.Notifications;
using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Dashboard.Pages.Admin;

/// <summary>The latest email attempts with their status and error, so failures and bounces are seen: admins only.</summary>
public sealed class NotificationsModel(SentNotices notices, IOptions<NotificationOptions> options) : DashboardPageModel
{
    public const int Shown = 200;

    public override string PageTitle => Text.Notifications.AdminTitle;
    public override string Section => "admin";
    protected override bool IsAboutUnit => false;

    public IReadOnlyList<SentNotice> Notices { get; private set; } = [];
    public bool SendsEmail => options.Value.SendsEmail;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Admin)) return Refuse(StatusCodes.Status403Forbidden, Text.Notifications.AdminsOnly);
        Notices = await notices.LatestAsync(Shown, cancellationToken);
        return Page();
    }
}
