namespace DossierTracker.Api.Dashboard.Text;

public sealed partial class DashboardText
{
    /// <summary>Words of the subscription page and the admin's notifications page.</summary>
    public required NotificationText Notifications { get; init; }
}

/// <summary>Words of the notification pages, one instance per language.</summary>
public sealed record NotificationText
{
    public required string Nav { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string KeySession { get; init; }
    public required string EmailLabel { get; init; }
    public required string UnitLabel { get; init; }
    public required string DigestLabel { get; init; }
    public required string LateAlertsLabel { get; init; }
    public required string Subscribe { get; init; }
    public required string Unsubscribe { get; init; }
    public required string Saved { get; init; }
    public required string Removed { get; init; }
    public required string ChooseOne { get; init; }
    public required string YourSubscriptions { get; init; }
    public required string NoSubscriptions { get; init; }
    public required string AdminTitle { get; init; }
    public required string AdminIntro { get; init; }
    public required string AdminsOnly { get; init; }
    public required string NoNotices { get; init; }
    public required string Kind { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string Status { get; init; }
    public required string Attempts { get; init; }
    public required string Error { get; init; }
    public required string LastAttempt { get; init; }
    public required string MailOff { get; init; }

    public static readonly NotificationText Vietnamese = new()
    {
        Nav = "Đăng ký nhận thông báo",
        Title = "Đăng ký nhận thông báo",
        Intro = "Nhận qua thư điện tử bản tin mỗi sáng ngày làm việc (hồ sơ quá hạn, sắp đến hạn, hoàn thành trễ hạn) và/hoặc cảnh báo ngay khi một hồ sơ trễ hạn, cho một đơn vị trong phạm vi của bạn.",
        KeySession = "Phiên đăng nhập bằng khóa truy cập không có địa chỉ thư; quản trị viên đăng ký địa chỉ qua API (POST /api/subscriptions).",
        EmailLabel = "Gửi tới",
        UnitLabel = "Đơn vị",
        DigestLabel = "Bản tin hằng ngày",
        LateAlertsLabel = "Cảnh báo trễ hạn ngay",
        Subscribe = "Lưu đăng ký",
        Unsubscribe = "Hủy đăng ký",
        Saved = "Đã lưu đăng ký.",
        Removed = "Đã hủy đăng ký.",
        ChooseOne = "Hãy chọn bản tin hằng ngày, cảnh báo trễ hạn hoặc cả hai.",
        YourSubscriptions = "Đăng ký của bạn",
        NoSubscriptions = "Bạn chưa đăng ký nhận thông báo nào.",
        AdminTitle = "Thư thông báo đã gửi",
        AdminIntro = "Các lần gửi thư gần nhất: trạng thái, số lần thử và lỗi. \"bounced\" là máy chủ thư từ chối hẳn (ví dụ địa chỉ không tồn tại) và sẽ không gửi lại; \"failed\" sẽ được thử lại.",
        AdminsOnly = "Chỉ quản trị viên được xem trang này.",
        NoNotices = "Chưa gửi thư nào.",
        Kind = "Loại",
        Recipient = "Người nhận",
        Subject = "Tiêu đề",
        Status = "Trạng thái",
        Attempts = "Số lần thử",
        Error = "Lỗi",
        LastAttempt = "Lần thử cuối",
        MailOff = "Chưa cấu hình máy chủ thư (Notifications:Smtp:Host): không có thư nào được gửi.",
    };

    public static readonly NotificationText English = new()
    {
        Nav = "Email notifications",
        Title = "Email notifications",
        Intro = "Receive by email a digest each working morning (overdue, due soon, completed late) and/or an alert as soon as a dossier becomes late, for a unit within your scope.",
        KeySession = "A session opened with an API key has no email address; admins register addresses through the API (POST /api/subscriptions).",
        EmailLabel = "Sent to",
        UnitLabel = "Unit",
        DigestLabel = "Daily digest",
        LateAlertsLabel = "Immediate late alerts",
        Subscribe = "Save subscription",
        Unsubscribe = "Unsubscribe",
        Saved = "Subscription saved.",
        Removed = "Subscription removed.",
        ChooseOne = "Choose the daily digest, late alerts or both.",
        YourSubscriptions = "Your subscriptions",
        NoSubscriptions = "You have no subscriptions.",
        AdminTitle = "Notification emails",
        AdminIntro = "The latest email attempts: status, attempts and error. \"bounced\" means the mail server refused for good (e.g. no such address) and it is not retried; \"failed\" is retried.",
        AdminsOnly = "Only admins may see this page.",
        NoNotices = "No email sent yet.",
        Kind = "Kind",
        Recipient = "Recipient",
        Subject = "Subject",
        Status = "Status",
        Attempts = "Attempts",
        Error = "Error",
        LastAttempt = "Last attempt",
        MailOff = "No mail server configured (Notifications:Smtp:Host): no email is sent.",
    };
}
