using DossierTracker.Api.Audit;

namespace DossierTracker.Api.Dashboard.Text;

public sealed partial class DashboardText
{
    /// <summary>The audit page's words, kept apart: only admins see them.</summary>
    public required AuditPageText Audit { get; init; }
}

/// <summary>Words of the audit page, one instance per language.</summary>
public sealed record AuditPageText
{
    public required string Nav { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string ActionLabel { get; init; }
    public required string AllActions { get; init; }
    public required string ActorLabel { get; init; }
    public required string ActorHint { get; init; }
    public required string SubjectLabel { get; init; }
    public required string UnitLabel { get; init; }
    public required string At { get; init; }
    public required string Who { get; init; }
    public required string What { get; init; }
    public required string Subject { get; init; }
    public required string Unit { get; init; }
    public required string Before { get; init; }
    public required string After { get; init; }
    public required string Reason { get; init; }
    public required string ReasonNotGiven { get; init; }
    public required string ProvinceWide { get; init; }
    public required string EntryCountFormat { get; init; }
    public required string NoEntries { get; init; }
    public required string AdminsOnly { get; init; }
    public required IReadOnlyDictionary<string, string> Actions { get; init; }
    public required IReadOnlyDictionary<string, string> ActorKinds { get; init; }

    /// <summary>An action named in this language; one added since (e.g. of accounts) shows its stored name.</summary>
    public string Of(string action) => Actions.GetValueOrDefault(action, action);

    public static readonly AuditPageText Vietnamese = new()
    {
        Nav = "Nhật ký thay đổi",
        Title = "Nhật ký thay đổi",
        Intro = "Ai đã thay đổi gì, khi nào và vì sao: đơn vị, thủ tục, lịch làm việc, khóa truy cập và các lần đăng nhập. Mới nhất trước.",
        ActionLabel = "Thao tác",
        AllActions = "Mọi thao tác",
        ActorLabel = "Người thực hiện",
        ActorHint = "Tên hoặc mã khóa / tài khoản",
        SubjectLabel = "Đối tượng (mã)",
        UnitLabel = "Đơn vị (mã)",
        At = "Thời điểm",
        Who = "Người thực hiện",
        What = "Thao tác",
        Subject = "Đối tượng",
        Unit = "Đơn vị",
        Before = "Trước",
        After = "Sau",
        Reason = "Lý do",
        ReasonNotGiven = "(không nêu)",
        ProvinceWide = "Toàn tỉnh",
        EntryCountFormat = "{0} mục",
        NoEntries = "Không có mục nào phù hợp.",
        AdminsOnly = "Chỉ quản trị viên được xem nhật ký thay đổi.",
        Actions = new Dictionary<string, string>
        {
            [AuditActions.UnitCreated] = "Thêm đơn vị",
            [AuditActions.UnitChanged] = "Sửa đơn vị",
            [AuditActions.ProcedureCreated] = "Thêm thủ tục",
            [AuditActions.ProcedureChanged] = "Sửa thủ tục",
            [AuditActions.CalendarYearCorrected] = "Sửa lịch làm việc năm",
            [AuditActions.KeyCreated] = "Tạo khóa truy cập",
            [AuditActions.KeyRevoked] = "Thu hồi khóa truy cập",
            [AuditActions.SignedIn] = "Đăng nhập",
            [AuditActions.SignInFailed] = "Đăng nhập không thành công",
            [AuditActions.AccountLockedOut] = "Tạm khóa tài khoản do đăng nhập sai nhiều lần",
            [AuditActions.AccountCreated] = "Tạo tài khoản",
            [AuditActions.AccountDisabled] = "Vô hiệu hóa tài khoản",
            [AuditActions.AccountChanged] = "Sửa tài khoản",
            [AuditActions.AccountPasswordChanged] = "Đổi mật khẩu",
            [AuditActions.AccountTotpEnabled] = "Bật xác thực hai bước",
            [AuditActions.AccountEnabled] = "Kích hoạt lại tài khoản",
            [AuditActions.AccountPasswordReset] = "Đặt lại mật khẩu",
            [AuditActions.AccountTotpDisabled] = "Tắt xác thực hai bước",
            [AuditActions.SubscriptionCreated] = "Đăng ký nhận thông báo",
            [AuditActions.SubscriptionChanged] = "Thay đổi đăng ký nhận thông báo",
            [AuditActions.SubscriptionDeleted] = "Hủy đăng ký nhận thông báo",
            [AuditActions.WebhookRegistered] = "Đăng ký webhook",
            [AuditActions.WebhookRemoved] = "Gỡ webhook",
        },
        ActorKinds = new Dictionary<string, string>
        {
            [AuditActor.AccountKind] = "tài khoản",
            [AuditActor.KeyKind] = "khóa",
            [AuditActor.SystemKind] = "hệ thống",
        },
    };

    public static readonly AuditPageText English = new()
    {
        Nav = "Audit trail",
        Title = "Audit trail",
        Intro = "Who changed what, when and why: units, procedures, working calendars, access keys, accounts and sign-ins. Newest first.",
        ActionLabel = "Action",
        AllActions = "All actions",
        ActorLabel = "Actor",
        ActorHint = "Name, or key / account id",
        SubjectLabel = "Subject (code)",
        UnitLabel = "Unit (code)",
        At = "When",
        Who = "Who",
        What = "Action",
        Subject = "Subject",
        Unit = "Unit",
        Before = "Before",
        After = "After",
        Reason = "Reason",
        ReasonNotGiven = "(not given)",
        ProvinceWide = "Province-wide",
        EntryCountFormat = "{0} entries",
        NoEntries = "No entries match.",
        AdminsOnly = "Only administrators may read the audit trail.",
        Actions = new Dictionary<string, string>
        {
            [AuditActions.UnitCreated] = "Unit added",
            [AuditActions.UnitChanged] = "Unit changed",
            [AuditActions.ProcedureCreated] = "Procedure added",
            [AuditActions.ProcedureChanged] = "Procedure changed",
            [AuditActions.CalendarYearCorrected] = "Working calendar corrected",
            [AuditActions.KeyCreated] = "Access key created",
            [AuditActions.KeyRevoked] = "Access key revoked",
            [AuditActions.SignedIn] = "Signed in",
            [AuditActions.SignInFailed] = "Failed sign-in",
            [AuditActions.AccountLockedOut] = "Account locked after failed sign-ins",
            [AuditActions.AccountCreated] = "Account created",
            [AuditActions.AccountDisabled] = "Account disabled",
            [AuditActions.AccountChanged] = "Account changed",
            [AuditActions.AccountPasswordChanged] = "Password changed",
            [AuditActions.AccountTotpEnabled] = "Two-factor sign-in turned on",
            [AuditActions.AccountEnabled] = "Account enabled again",
            [AuditActions.AccountPasswordReset] = "Password reset",
            [AuditActions.AccountTotpDisabled] = "Two-factor sign-in turned off",
            [AuditActions.SubscriptionCreated] = "Subscription created",
            [AuditActions.SubscriptionChanged] = "Subscription changed",
            [AuditActions.SubscriptionDeleted] = "Subscription ended",
            [AuditActions.WebhookRegistered] = "Webhook registered",
            [AuditActions.WebhookRemoved] = "Webhook removed",
        },
        ActorKinds = new Dictionary<string, string>
        {
            [AuditActor.AccountKind] = "account",
            [AuditActor.KeyKind] = "key",
            [AuditActor.SystemKind] = "system",
        },
    };
}
