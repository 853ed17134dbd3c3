using System.Text.Json;
using DossierTracker.NationalPortal;

namespace DossierTracker.Tests.NationalPortal;

public sealed class ProgressUpdateTests
{
    private static Dictionary<string, object?> Step() => new()
    {
        ["MaHoSo"] = "000.00.01.H99-220801-0001",
        ["NguoiXuLy"] = "Trần Thị Bình",
        ["ChucDanh"] = "Chuyên viên",
        ["ThoiDiemXuLy"] = "20220801140000",
        ["PhongBanXuLy"] = "Phòng Hành chính tư pháp",
        ["NoiDungXuLy"] = "Thẩm định hồ sơ",
        ["TrangThai"] = "4",
        ["NgayBatDau"] = "",
        ["NgayKetThucTheoQuyDinh"] = "20220802170000",
    };

    private static ProgressUpdate Parse(Dictionary<string, object?> fields)
    {
        var (update, errors) = ProgressUpdateParser.Parse(JsonSerializer.SerializeToElement(fields));
        errors.ShouldBeEmpty();
        return update!;
    }

    private static Dictionary<string, object?> With(string name, object? value)
    {
        var fields = Step();
        fields[name] = value;
        return fields;
    }

    [Fact]
    public void a_step_becomes_a_processing_event_with_the_officer_as_handler()
    {
        var submission = Parse(Step()).ToSubmission();

        (submission.OccurredAt, submission.Handler, submission.UnitCode).ShouldBe((PortalFixture.Local("2022-08-01T14:00:00"), "Trần Thị Bình", null));
    }

    [Fact]
    public void the_note_keeps_content_department_step_deadline_and_status() =>
        Parse(Step()).ToSubmission().Note.ShouldBe(
            "Thẩm định hồ sơ | Phòng ban: Phòng Hành chính tư pháp | Hạn xử lý bước: 2022-08-02T17:00:00+07:00 | Trạng thái DVCQG: 4");

    [Fact]
    public void a_step_with_only_a_time_has_no_note() =>
        Parse(new() { ["MaHoSo"] = "000.00.01.H99-220801-0001", ["ThoiDiemXuLy"] = "20220801140000" }).ToSubmission().Note.ShouldBeNull();

    [Fact]
    public void the_same_step_again_has_the_same_event_id() =>
        Parse(Step()).ToSubmission().EventId.ShouldBe(Parse(Step()).ToSubmission().EventId);

    [Fact]
    public void the_event_id_names_the_dossier_and_the_time() =>
        Parse(Step()).ToSubmission().EventId.ShouldStartWith("dvcqg:000.00.01.H99-220801-0001:progress:20220801140000:");

    [Fact]
    public void two_officers_in_the_same_second_are_two_steps() =>
        Parse(With("NguoiXuLy", "Lê Văn Cường")).ToSubmission().EventId.ShouldNotBe(Parse(Step()).ToSubmission().EventId);

    [Theory]
    [InlineData("ThoiDiemXuLy", "")]
    [InlineData("ThoiDiemXuLy", "01/08/2022 14:00")]
    [InlineData("NgayKetThucTheoQuyDinh", "2022-08-02")]
    [InlineData("TrangThai", "12")]
    [InlineData("MaHoSo", null)]
    public void a_bad_field_is_an_error(string name, string? value) =>
        ProgressUpdateParser.Parse(JsonSerializer.SerializeToElement(With(name, value))).Errors.Keys.ShouldBe([name]);
}
