using DossierTracker.Api.Notifications.Email;
using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Api.ReferenceData;

namespace DossierTracker.Api.Notifications.Alerts;

/// <summary>The immediate alert, in Vietnamese: the dossier code in the subject, unit, procedure, due time and a link in the body.</summary>
public static class LateAlertEmail
{
    public static SendEmail For(Subscription subscription, DossierBecameLate late, ReferenceDataSnapshot snapshot, NotificationOptions options)
    {
        var procedure = snapshot.Procedures.GetValueOrDefault(late.ProcedureCode)?.Name ?? late.ProcedureCode;
        var unit = snapshot.Units.Find(late.UnitCode)?.Name ?? late.UnitCode;
        var subscribedTo = snapshot.Units.Find(subscription.UnitCode)?.Name ?? subscription.UnitCode;
        var body =
            $"""
            Hồ sơ {late.DossierCode} đã quá hạn xử lý.

            Đơn vị tiếp nhận: {unit} ({late.UnitCode})
            Thủ tục: {procedure} ({late.ProcedureCode})
            Hạn xử lý: {EmailLinks.LocalTime(late.DueAt)}
            Xem hồ sơ: {EmailLinks.Dossier(options, late.DossierCode)}

            Bạn nhận thư này vì đã đăng ký nhận cảnh báo trễ hạn của {subscribedTo}.
            """;
        return new SendEmail($"alert:{subscription.Id:N}:{late.DossierCode}:{late.DueAt.ToUnixTimeMilliseconds()}", NoticeKinds.LateAlert,
            subscription.Email, $"[Trễ hạn] {late.DossierCode} — {procedure}", body);
    }
}
