using DossierTracker.Api.Security;

namespace DossierTracker.Api.Dashboard.Text;

public sealed partial class DashboardText
{
    /// <summary>The admin area's pages for API keys and accounts, kept apart: only admins see them.</summary>
    public required AdminPeopleText AdminPeople { get; init; }
}

/// <summary>Words of the admin pages for API keys and accounts, one instance per language.</summary>
public sealed record AdminPeopleText
{
    public required string AdminsOnly { get; init; }
    public required string KeysTitle { get; init; }
    public required string KeysIntro { get; init; }
    public required string AccountsTitle { get; init; }
    public required string AccountsIntro { get; init; }

    public required string ReasonRequired { get; init; }
    /// <summary>{0} the longest reason allowed.</summary>
    public required string ReasonTooLongFormat { get; init; }
    public required string UnitOutsideReach { get; init; }
    public required string UnitUnknown { get; init; }
    public required string UnitRequired { get; init; }
    public required string RoleInvalid { get; init; }
    public required string RoleIngest { get; init; }

    public required string NameColumn { get; init; }
    public required string IdColumn { get; init; }
    public required string RoleColumn { get; init; }
    public required string UnitColumn { get; init; }
    public required string CreatedColumn { get; init; }
    public required string LastUsedColumn { get; init; }
    public required string StatusColumn { get; init; }
    public required string NeverUsed { get; init; }
    public required string Active { get; init; }
    /// <summary>{0} when it was revoked.</summary>
    public required string RevokedAtFormat { get; init; }
    public required string NoKeys { get; init; }
    public required string NewKeyLink { get; init; }
    public required string RevokeLink { get; init; }

    public required string NewKeyTitle { get; init; }
    public required string KeyNameLabel { get; init; }
    public required string KeyNameHint { get; init; }
    public required string KeyNameRequired { get; init; }
    /// <summary>{0} the longest name allowed.</summary>
    public required string KeyNameInvalidFormat { get; init; }
    public required string CreateKeyButton { get; init; }
    public required string KeyCreatedTitle { get; init; }
    public required string KeyShownOnce { get; init; }
    public required string CopyHint { get; init; }
    public required string BackToKeys { get; init; }

    public required string RevokeTitle { get; init; }
    /// <summary>{0} the key's name, {1} its id.</summary>
    public required string RevokeQuestionFormat { get; init; }
    public required string RevokeButton { get; init; }
    public required string Cancel { get; init; }
    /// <summary>{0} the key's id.</summary>
    public required string KeyRevokedFormat { get; init; }
    public required string KeyAlreadyRevoked { get; init; }

    public required string UsernameColumn { get; init; }
    public required string EmailColumn { get; init; }
    public required string TwoFactorColumn { get; init; }
    public required string LockedUntilColumn { get; init; }
    public required string Disabled { get; init; }
    public required string On { get; init; }
    public required string Off { get; init; }
    public required string NoAccounts { get; init; }
    public required string NewAccountLink { get; init; }

    public required string NewAccountTitle { get; init; }
    public required string UsernameHint { get; init; }
    public required string UsernameInvalid { get; init; }
    public required string UsernameTaken { get; init; }
    public required string FullNameInvalid { get; init; }
    public required string EmailInvalid { get; init; }
    public required string InitialPasswordLabel { get; init; }
    /// <summary>{0} the shortest password allowed.</summary>
    public required string InitialPasswordHintFormat { get; init; }
    public required string CreateAccountButton { get; init; }
    /// <summary>{0} the username.</summary>
    public required string AccountCreatedFormat { get; init; }
    public required string GeneratedPasswordIntro { get; init; }
    public required string BackToAccounts { get; init; }

    /// <summary>{0} the username.</summary>
    public required string AccountTitleFormat { get; init; }
    public required string SessionsEnd { get; init; }
    public required string ProfileHeading { get; init; }
    public required string SaveProfileButton { get; init; }
    public required string ProfileSaved { get; init; }
    public required string DisableHeading { get; init; }
    public required string DisableButton { get; init; }
    public required string EnableButton { get; init; }
    public required string AccountDisabled { get; init; }
    public required string AccountEnabled { get; init; }
    public required string ResetPasswordHeading { get; init; }
    public required string NewPasswordLabel { get; init; }
    public required string ResetPasswordButton { get; init; }
    public required string PasswordWasReset { get; init; }
    public required string TwoFactorHeading { get; init; }
    public required string TwoFactorOffIntro { get; init; }
    public required string TwoFactorNotOn { get; init; }
    public required string TwoFactorOffButton { get; init; }
    public required string TwoFactorTurnedOff { get; init; }
    /// <summary>On "change my password", for an account whose password an administrator set.</summary>
    public required string MustChangePassword { get; init; }

    public string RoleOf(DashboardText text, string role) => role == Roles.Ingest ? RoleIngest : text.RoleName(role);

    public static readonly AdminPeopleText Vietnamese = new()
    {
        AdminsOnly = "Chỉ quản trị viên được quản lý khóa truy cập và tài khoản.",
        KeysTitle = "Khóa truy cập API",
        KeysIntro = "Khóa cho các hệ thống một cửa, chương trình và người dùng máy của các đơn vị trong phạm vi của bạn. Khóa chỉ hiện một lần khi tạo.",
        AccountsTitle = "Tài khoản",
        AccountsIntro = "Tài khoản đăng nhập bảng điều khiển của các đơn vị trong phạm vi của bạn.",
        ReasonRequired = "Hãy nêu lý do.",
        ReasonTooLongFormat = "Lý do tối đa {0} ký tự, không có ký tự điều khiển.",
        UnitOutsideReach = "Đơn vị này nằm ngoài phạm vi của bạn.",
        UnitUnknown = "Không có đơn vị này trong cơ cấu tổ chức.",
        UnitRequired = "Hãy chọn đơn vị.",
        RoleInvalid = "Hãy chọn một vai trò.",
        RoleIngest = "Gửi dữ liệu (hệ thống một cửa)",
        NameColumn = "Tên",
        IdColumn = "Mã khóa",
        RoleColumn = "Vai trò",
        UnitColumn = "Đơn vị",
        CreatedColumn = "Ngày tạo",
        LastUsedColumn = "Dùng lần cuối",
        StatusColumn = "Trạng thái",
        NeverUsed = "Chưa dùng",
        Active = "Đang hiệu lực",
        RevokedAtFormat = "Đã thu hồi {0}",
        NoKeys = "Chưa có khóa nào trong phạm vi của bạn.",
        NewKeyLink = "Tạo khóa mới",
        RevokeLink = "Thu hồi",
        NewKeyTitle = "Tạo khóa truy cập",
        KeyNameLabel = "Tên khóa",
        KeyNameHint = "Khóa dùng cho ai hoặc cho hệ thống nào (hiện trong danh sách, không bí mật).",
        KeyNameRequired = "Hãy đặt tên cho khóa.",
        KeyNameInvalidFormat = "Tên khóa tối đa {0} ký tự, không có ký tự điều khiển.",
        CreateKeyButton = "Tạo khóa",
        KeyCreatedTitle = "Đã tạo khóa",
        KeyShownOnce = "Hãy sao chép và cất giữ khóa này ngay bây giờ: hệ thống chỉ lưu bản băm, khóa sẽ không bao giờ hiện lại.",
        CopyHint = "Nhấp ba lần vào khóa để chọn hết, rồi nhấn Ctrl+C để sao chép.",
        BackToKeys = "Về danh sách khóa",
        RevokeTitle = "Thu hồi khóa truy cập",
        RevokeQuestionFormat = "Thu hồi khóa «{0}» ({1})? Mọi yêu cầu dùng khóa này sẽ bị từ chối; không thể hoàn tác.",
        RevokeButton = "Thu hồi khóa",
        Cancel = "Hủy",
        KeyRevokedFormat = "Đã thu hồi khóa {0}.",
        KeyAlreadyRevoked = "Khóa này đã bị thu hồi.",
        UsernameColumn = "Tên đăng nhập",
        EmailColumn = "Thư điện tử",
        TwoFactorColumn = "Xác thực hai bước",
        LockedUntilColumn = "Tạm bị khóa đến",
        Disabled = "Đã vô hiệu hóa",
        On = "Bật",
        Off = "Tắt",
        NoAccounts = "Chưa có tài khoản nào trong phạm vi của bạn.",
        NewAccountLink = "Tạo tài khoản mới",
        NewAccountTitle = "Tạo tài khoản",
        UsernameHint = "3–64 chữ cái không dấu, chữ số, '.', '-' hoặc '_'.",
        UsernameInvalid = "Tên đăng nhập gồm 3–64 chữ cái không dấu, chữ số, '.', '-' hoặc '_', bắt đầu bằng chữ cái hoặc chữ số.",
        UsernameTaken = "Tên đăng nhập này đã có người dùng.",
        FullNameInvalid = "Hãy nhập họ tên (tối đa 200 ký tự).",
        EmailInvalid = "Hãy nhập một địa chỉ thư điện tử.",
        InitialPasswordLabel = "Mật khẩu ban đầu",
        InitialPasswordHintFormat = "Ít nhất {0} ký tự. Để trống để hệ thống tạo một mật khẩu (hiện một lần).",
        CreateAccountButton = "Tạo tài khoản",
        AccountCreatedFormat = "Đã tạo tài khoản {0}.",
        GeneratedPasswordIntro = "Mật khẩu do hệ thống tạo, chỉ hiện một lần; hãy trao tận tay cho chủ tài khoản:",
        BackToAccounts = "Về danh sách tài khoản",
        AccountTitleFormat = "Tài khoản {0}",
        SessionsEnd = "Khi đổi vai trò, đơn vị, trạng thái hoặc mật khẩu, các phiên đăng nhập đang mở của tài khoản sẽ kết thúc. Sau khi đặt lại mật khẩu, chủ tài khoản phải đổi mật khẩu ở lần đăng nhập tiếp theo.",
        ProfileHeading = "Vai trò và đơn vị",
        SaveProfileButton = "Lưu vai trò và đơn vị",
        ProfileSaved = "Đã lưu vai trò và đơn vị.",
        DisableHeading = "Trạng thái",
        DisableButton = "Vô hiệu hóa tài khoản",
        EnableButton = "Kích hoạt lại tài khoản",
        AccountDisabled = "Đã vô hiệu hóa tài khoản.",
        AccountEnabled = "Đã kích hoạt lại tài khoản.",
        ResetPasswordHeading = "Đặt lại mật khẩu",
        NewPasswordLabel = "Mật khẩu mới",
        ResetPasswordButton = "Đặt lại mật khẩu",
        PasswordWasReset = "Đã đặt lại mật khẩu.",
        TwoFactorHeading = "Xác thực hai bước",
        TwoFactorOffIntro = "Khi chủ tài khoản mất điện thoại: tắt mã xác thực để đăng nhập bằng mật khẩu, rồi tự bật lại.",
        TwoFactorNotOn = "Tài khoản này chưa bật xác thực hai bước.",
        TwoFactorOffButton = "Tắt xác thực hai bước",
        TwoFactorTurnedOff = "Đã tắt xác thực hai bước.",
        MustChangePassword = "Quản trị viên đã đặt lại mật khẩu của bạn. Hãy đổi sang một mật khẩu chỉ mình bạn biết trước khi tiếp tục.",
    };

    public static readonly AdminPeopleText English = new()
    {
        AdminsOnly = "Only administrators may manage access keys and accounts.",
        KeysTitle = "API keys",
        KeysIntro = "Keys for one-stop systems, scripts and machine users of the units in your scope. A key is shown once, when it is created.",
        AccountsTitle = "Accounts",
        AccountsIntro = "Dashboard sign-in accounts of the units in your scope.",
        ReasonRequired = "Give a reason.",
        ReasonTooLongFormat = "The reason may have at most {0} characters, without control characters.",
        UnitOutsideReach = "This unit is outside your scope.",
        UnitUnknown = "There is no such unit in the organisation tree.",
        UnitRequired = "Choose a unit.",
        RoleInvalid = "Choose a role.",
        RoleIngest = "Ingest (one-stop system)",
        NameColumn = "Name",
        IdColumn = "Key id",
        RoleColumn = "Role",
        UnitColumn = "Unit",
        CreatedColumn = "Created",
        LastUsedColumn = "Last used",
        StatusColumn = "Status",
        NeverUsed = "Never",
        Active = "Active",
        RevokedAtFormat = "Revoked {0}",
        NoKeys = "No keys in your scope yet.",
        NewKeyLink = "Create a key",
        RevokeLink = "Revoke",
        NewKeyTitle = "Create an access key",
        KeyNameLabel = "Key name",
        KeyNameHint = "Who or what the key is for (shown in listings, not secret).",
        KeyNameRequired = "Name the key.",
        KeyNameInvalidFormat = "The key name may have at most {0} characters, without control characters.",
        CreateKeyButton = "Create the key",
        KeyCreatedTitle = "Key created",
        KeyShownOnce = "Copy and store this key now: only its hash is kept, and it will never be shown again.",
        CopyHint = "Triple-click the key to select all of it, then press Ctrl+C to copy it.",
        BackToKeys = "Back to the keys",
        RevokeTitle = "Revoke an access key",
        RevokeQuestionFormat = "Revoke the key “{0}” ({1})? Every request with it will be refused; this cannot be undone.",
        RevokeButton = "Revoke the key",
        Cancel = "Cancel",
        KeyRevokedFormat = "Key {0} revoked.",
        KeyAlreadyRevoked = "This key is already revoked.",
        UsernameColumn = "Username",
        EmailColumn = "Email",
        TwoFactorColumn = "Two-step verification",
        LockedUntilColumn = "Locked until",
        Disabled = "Disabled",
        On = "On",
        Off = "Off",
        NoAccounts = "No accounts in your scope yet.",
        NewAccountLink = "Create an account",
        NewAccountTitle = "Create an account",
        UsernameHint = "3–64 letters (a–z), digits, '.', '-' or '_'.",
        UsernameInvalid = "A username has 3–64 letters (a–z), digits, '.', '-' or '_', starting with a letter or digit.",
        UsernameTaken = "This username is taken.",
        FullNameInvalid = "Enter the full name (at most 200 characters).",
        EmailInvalid = "Enter an email address.",
        InitialPasswordLabel = "Initial password",
        InitialPasswordHintFormat = "At least {0} characters. Leave empty to have one generated (shown once).",
        CreateAccountButton = "Create the account",
        AccountCreatedFormat = "Account {0} created.",
        GeneratedPasswordIntro = "The generated password, shown only once; hand it to the account's owner in person:",
        BackToAccounts = "Back to the accounts",
        AccountTitleFormat = "Account {0}",
        SessionsEnd = "Changing the role, unit, status or password ends the account's open sessions. After a reset, the owner must change the password at the next sign-in.",
        ProfileHeading = "Role and unit",
        SaveProfileButton = "Save role and unit",
        ProfileSaved = "Role and unit saved.",
        DisableHeading = "Status",
        DisableButton = "Disable the account",
        EnableButton = "Enable the account again",
        AccountDisabled = "Account disabled.",
        AccountEnabled = "Account enabled again.",
        ResetPasswordHeading = "Reset the password",
        NewPasswordLabel = "New password",
        ResetPasswordButton = "Reset the password",
        PasswordWasReset = "Password reset.",
        TwoFactorHeading = "Two-step verification",
        TwoFactorOffIntro = "When the owner has lost their phone: turn the code off so they sign in with the password, then enrol again.",
        TwoFactorNotOn = "This account has no two-step verification.",
        TwoFactorOffButton = "Turn two-step verification off",
        TwoFactorTurnedOff = "Two-step verification turned off.",
        MustChangePassword = "An administrator reset your password. Change it to one only you know before going on.",
    };
}
