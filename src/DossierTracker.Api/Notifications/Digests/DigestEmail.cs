using System.Globalization;
using System.Text;
using DossierTracker.Api.Exports;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Organisation;

namespace DossierTracker.Api.Notifications.Digests;

/// <summary>The daily digest, in Vietnamese: three lists with a link to each dossier and to the full list.</summary>
public static class DigestEmail
{
    public const int MaxItemsPerList = 50;

    public static SendEmail For(Subscription subscription, Unit unit, DateOnly day, DateOnly since, DossierListPage overdue,
        IReadOnlyList<DossierListItem> dueSoon, DossierListPage completedLate, NotificationOptions options)
    {
        var date = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine($"Tình hình hồ sơ của {unit.Name} ngày {date}")
            .AppendLine();
        Section(text, $"Quá hạn hiện nay: {overdue.Total} hồ sơ", overdue.Items, overdue.Total, EmailLinks.Page(options, "/late", unit.Code), options,
            i => $"hạn {EmailLinks.LocalTime(i.DueAt)}, quá {WorkingDuration.Of(i.OverdueWorkingHours).ToText(DurationWords.Vietnamese)} làm việc");
        Section(text, $"Sắp đến hạn (trong 8 giờ làm việc): {dueSoon.Count} hồ sơ", dueSoon.Take(MaxItemsPerList).ToList(), dueSoon.Count,
            EmailLinks.Page(options, "/due-soon", unit.Code), options, i => $"hạn {EmailLinks.LocalTime(i.DueAt)}");
        Section(text, $"Hoàn thành trễ hạn từ {since.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: {completedLate.Total} hồ sơ",
            completedLate.Items, completedLate.Total, EmailLinks.Page(options, "/late", unit.Code) + "&state=completed", options,
            i => $"hoàn thành {(i.CompletedAt is { } c ? EmailLinks.LocalTime(c) : "")}, hạn {EmailLinks.LocalTime(i.DueAt)}");
        text.AppendLine($"Bạn nhận thư này vì đã đăng ký nhận bản tin hằng ngày của {unit.Name}.");
        return new SendEmail($"digest:{subscription.Id:N}:{day:yyyy-MM-dd}", NoticeKinds.Digest, subscription.Email,
            $"[Bản tin] {unit.Name} — {date}: {overdue.Total} quá hạn, {dueSoon.Count} sắp đến hạn", text.ToString());
    }

    private static void Section(StringBuilder text, string heading, IReadOnlyList<DossierListItem> items, int total, string listLink,
        NotificationOptions options, Func<DossierListItem, string> detail)
    {
        text.AppendLine(heading);
        if (total == 0) text.AppendLine("  (không có)");
        foreach (var item in items)
            text.AppendLine($"  - {item.DossierCode} — {item.ProcedureName ?? item.ProcedureCode} ({item.UnitName ?? item.UnitCode}), {detail(item)}")
                .AppendLine($"    {EmailLinks.Dossier(options, item.DossierCode)}");
        if (total > items.Count) text.AppendLine($"  … và {total - items.Count} hồ sơ khác: {listLink}");
        text.AppendLine();
    }

}
