using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// The friendly error page, shown in place of any dashboard answer 4xx/5xx without a body (the status-code page
/// re-executes to it). A page that refused something leaves its own message in <see cref="DashboardPageModel.ProblemItem"/>.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : DashboardPageModel
{
    public override string PageTitle => Status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge => Text.ErrorTitleBadRequest,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => Text.ErrorTitleForbidden,
        StatusCodes.Status404NotFound => Text.ErrorTitleNotFound,
        _ => Text.ErrorTitleOther,
    };

    protected override bool IsAboutUnit => false;
    protected override bool OpenWhilePasswordMustChange => true;

    public int Status { get; private set; }
    public string Message { get; private set; } = "";

    public IActionResult OnGet() => Show();

    // A refused form POST is re-executed as a POST. No model binding: the status comes from the route, since binding
    // would read the refused form again (a body too large, say) and fail once more.
    public IActionResult OnPost() => Show();

    private IActionResult Show()
    {
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), out var parsed) ? parsed : 0;
        Status = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        Message = HttpContext.Items[ProblemItem] as string ?? Status switch
        {
            StatusCodes.Status400BadRequest => Text.ErrorBadRequest,
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => Text.ErrorForbidden,
            StatusCodes.Status404NotFound => Text.ErrorNotFound,
            StatusCodes.Status413PayloadTooLarge => Text.ErrorTooLarge,
            _ => Text.ErrorOther,
        };
        Response.StatusCode = Status;
        return Page();
    }
}
