using DossierTracker.Api.Dashboard.Text;

namespace DossierTracker.Api.Dashboard.Admin;

/// <summary>
/// What the admin area's shared form partials (<c>_AdminFormErrors</c>, <c>_AdminReason</c>) read from their page, so
/// the reference-data pages and the keys and accounts pages show errors and ask for the reason the same way. A field's
/// input id is its form's name, a dash and the field's name (<c>profile-unit</c>).
/// </summary>
public interface IAdminForm
{
    DashboardText Text { get; }

    /// <summary>The errors of the form that was sent, by field name.</summary>
    FormErrors Errors { get; }

    /// <summary>The form the request sent, whose errors and typed values the page shows again.</summary>
    string? PostedForm { get; }

    /// <summary>Why the change is made, as typed.</summary>
    string? Reason { get; }
}
