using DossierTracker.Api.Accounts.SingleSignOn;

namespace DossierTracker.Api.Dashboard.Text;

public sealed partial class DashboardText
{
    /// <summary>The words of single sign-on on the sign-in page.</summary>
    public required SingleSignOnText SingleSignOn { get; init; }
}

/// <summary>Words of single sign-on, one instance per language.</summary>
public sealed record SingleSignOnText
{
    /// <summary>The button's text when the settings give no <see cref="SingleSignOnOptions.DisplayName"/>.</summary>
    public required string Button { get; init; }
    public required string Or { get; init; }
    public required string Continuing { get; init; }
    public required string Continue { get; init; }
    /// <summary>Why single sign-on opened no session, by <see cref="SingleSignOnRefusals"/> code.</summary>
    public required IReadOnlyDictionary<string, string> Refusals { get; init; }

    /// <summary>An unknown code (the query string is the browser's) reads as a failed sign-in.</summary>
    public string Refusal(string code) => Refusals.GetValueOrDefault(code, Refusals[SingleSignOnRefusals.Failed]);

    public static readonly SingleSignOnText Vietnamese = new()
    {
        Button = "Đăng nhập bằng tài khoản một lần (SSO)",
        Or = "hoặc",
        Continuing = "Đang chuyển tiếp…",
        Continue = "Tiếp tục",
        Refusals = new Dictionary<string, string>
        {
            [SingleSignOnRefusals.Failed] = "Đăng nhập một lần không thành công. Vui lòng thử lại.",
            [SingleSignOnRefusals.NoRole] = "Tài khoản đăng nhập một lần của bạn chưa được giao vai trò giám sát hoặc quản trị trên hệ thống này. Liên hệ quản trị viên.",
            [SingleSignOnRefusals.AmbiguousRole] = "Tài khoản đăng nhập một lần của bạn được giao nhiều vai trò khác nhau. Liên hệ quản trị viên để chỉ giữ một vai trò.",
            [SingleSignOnRefusals.NoUnit] = "Tài khoản đăng nhập một lần của bạn chưa gắn với đơn vị nào. Liên hệ quản trị viên.",
            [SingleSignOnRefusals.AmbiguousUnit] = "Tài khoản đăng nhập một lần của bạn gắn với nhiều đơn vị. Liên hệ quản trị viên để chỉ giữ một đơn vị.",
            [SingleSignOnRefusals.UnknownUnit] = "Đơn vị của tài khoản đăng nhập một lần không có trong cây tổ chức của hệ thống. Liên hệ quản trị viên.",
            [SingleSignOnRefusals.InvalidProfile] = "Thông tin tài khoản đăng nhập một lần (họ tên, thư điện tử) chưa đầy đủ hoặc không hợp lệ. Liên hệ quản trị viên.",
            [SingleSignOnRefusals.UsernameTaken] = "Đã có một tài khoản khác cùng tên đăng nhập. Liên hệ quản trị viên.",
            [SingleSignOnRefusals.Disabled] = "Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.",
        },
    };

    public static readonly SingleSignOnText English = new()
    {
        Button = "Sign in with single sign-on (SSO)",
        Or = "or",
        Continuing = "Continuing…",
        Continue = "Continue",
        Refusals = new Dictionary<string, string>
        {
            [SingleSignOnRefusals.Failed] = "Single sign-on did not succeed. Please try again.",
            [SingleSignOnRefusals.NoRole] = "Your single sign-on account has no supervisor or administrator role for this system. Contact an administrator.",
            [SingleSignOnRefusals.AmbiguousRole] = "Your single sign-on account has several different roles. Ask an administrator to leave one.",
            [SingleSignOnRefusals.NoUnit] = "Your single sign-on account belongs to no unit. Contact an administrator.",
            [SingleSignOnRefusals.AmbiguousUnit] = "Your single sign-on account belongs to several units. Ask an administrator to leave one.",
            [SingleSignOnRefusals.UnknownUnit] = "Your single sign-on account's unit is not in this system's organisation tree. Contact an administrator.",
            [SingleSignOnRefusals.InvalidProfile] = "Your single sign-on account's name or email is missing or not valid. Contact an administrator.",
            [SingleSignOnRefusals.UsernameTaken] = "Another account already has this username. Contact an administrator.",
            [SingleSignOnRefusals.Disabled] = "This account is disabled. Contact an administrator.",
        },
    };
}
