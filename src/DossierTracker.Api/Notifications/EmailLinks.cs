namespace DossierTracker.Api.Notifications;

/// <summary>Dashboard addresses for emails, from <c>Notifications:DashboardBaseUrl</c>.</summary>
public static class EmailLinks
{
    public static string Dossier(NotificationOptions options, string dossierCode) =>
        $"{options.DashboardBaseUrl.TrimEnd('/')}/dossiers/{Uri.EscapeDataString(dossierCode)}";

    public static string Page(NotificationOptions options, string path, string unitCode) =>
        $"{options.DashboardBaseUrl.TrimEnd('/')}{path}?unit={Uri.EscapeDataString(unitCode)}";

    /// <summary>dd/mm/yyyy hh:mm in Vietnam time, whatever the server's culture.</summary>
    public static string LocalTime(DateTimeOffset instant) =>
        DossierTracker.Calendar.VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
