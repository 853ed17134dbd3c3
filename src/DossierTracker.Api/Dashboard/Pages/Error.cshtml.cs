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
        StatusCodes.Status400BadRequest => Text.ErrorTitleBadRequest,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => Text.ErrorTitleForbidden,
        StatusCodes.Status404NotFound => Text.ErrorTitleNotFound,
        _ => Text.ErrorTitleOther,
    };

    protected override bool IsAboutUnit => false;

    public int Status { get; private set; }
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int? status) => Show(status);

    // A refused form POST is re-executed as a POST.
    public IActionResult OnPost(int? status) => Show(status);

    private IActionResult Show(int? status)
    {
        Status = status is >= 400 and <= 599 ? status.Value : StatusCodes.Status404NotFound;
        Message = HttpContext.Items[ProblemItem] as string ?? Status switch
        {
            StatusCodes.Status400BadRequest => Text.ErrorBadRequest,
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => Text.ErrorForbidden,
            StatusCodes.Status404NotFound => Text.ErrorNotFound,
            _ => Text.ErrorOther,
        };
        Response.StatusCode = Status;
        return Page();
    }
}
