namespace DossierTracker.Api.Dashboard.Text;

/// <summary>The reader's language: Vietnamese unless the language switch stored English in a cookie.</summary>
public static class DashboardLanguage
{
    public const string CookieName = "dt_lang";

    public static DashboardText Of(HttpRequest request) =>
        DashboardText.For(request.Cookies[CookieName] ?? DashboardText.Vietnamese.Language);

    /// <summary>A year: the choice belongs to the person at this browser, not to a session.</summary>
    public static void Remember(HttpResponse response, DashboardText text) =>
        response.Cookies.Append(CookieName, text.Language, new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
}
