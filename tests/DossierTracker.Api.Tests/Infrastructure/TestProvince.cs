namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>A small province for scenarios: two departments, two districts with a commune each, three procedures.</summary>
public static class TestProvince
{
    public const string Province = "000.00.00.H99";
    public const string Justice = "000.00.01.H99";
    public const string Environment = "000.00.02.H99";
    public const string DistrictA = "000.00.11.H99";
    public const string DistrictB = "000.00.12.H99";
    public const string CommuneA1 = "000.11.01.H99";
    public const string CommuneB1 = "000.12.01.H99";

    /// <summary>3 working days.</summary>
    public const string BirthRegistration = "1.004227";
    /// <summary>8 working hours.</summary>
    public const string Certification = "2.000815";
    /// <summary>15 calendar days.</summary>
    public const string LandTransfer = "1.003010";

    public static readonly object[] Units =
    [
        new { code = Province, name = "Tỉnh Thử Nghiệm", level = "province", parentCode = (string?)null },
        new { code = Justice, name = "Sở Tư pháp", level = "department", parentCode = Province },
        new { code = Environment, name = "Sở Tài nguyên và Môi trường", level = "department", parentCode = Province },
        new { code = DistrictA, name = "Huyện Cao Phong", level = "district", parentCode = Province },
        new { code = DistrictB, name = "Huyện Đà Bắc", level = "district", parentCode = Province },
        new { code = CommuneA1, name = "Xã Bắc Phong", level = "commune", parentCode = DistrictA },
        new { code = CommuneB1, name = "Xã Tú Lý", level = "commune", parentCode = DistrictB },
    ];

    public static readonly object[] Procedures =
    [
        new { code = BirthRegistration, name = "Đăng ký khai sinh", processingTime = new { value = 3, unit = "working-days" } },
        new { code = Certification, name = "Chứng thực bản sao từ bản chính", processingTime = new { value = 8, unit = "working-hours" } },
        new { code = LandTransfer, name = "Đăng ký biến động quyền sử dụng đất", processingTime = new { value = 15, unit = "calendar-days" } },
    ];
}
