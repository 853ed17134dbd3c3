using System.Text.Json;
using DossierTracker.Dossiers;
using DossierTracker.NationalPortal;

namespace DossierTracker.Tests.NationalPortal;

public sealed class PortalDossierParserTests
{
    /// <summary>A snapshot as a provincial one-stop system writes it: strings everywhere, empty strings for absent dates.</summary>
    private static Dictionary<string, object?> Snapshot() => new()
    {
        ["MaHoSo"] = "000.00.01.H99-220801-0001",
        ["MaTTHC"] = "1.004227",
        ["TenTTHC"] = "Đăng ký khai sinh",
        ["ChuHoSo"] = "Nguyễn Văn An",
        ["NgayTiepNhan"] = "20220801091500",
        ["NgayHenTra"] = "20220804091500",
        ["TrangThaiHoSo"] = "2",
        ["NgayKetThucXuLy"] = "",
        ["NgayTra"] = "",
        ["DonViXuLy"] = "000.00.01.H99",
        ["KenhThucHien"] = "2",
        ["DanhSachHoSoBoSung"] = Array.Empty<object>(),
    };

    private static (PortalDossier? Dossier, Dictionary<string, string[]> Errors) Parse(Dictionary<string, object?> fields) =>
        PortalDossierParser.Parse(JsonSerializer.SerializeToElement(fields));

    private static PortalDossier Valid(Dictionary<string, object?> fields)
    {
        var (dossier, errors) = Parse(fields);
        errors.ShouldBeEmpty();
        return dossier!;
    }

    private static Dictionary<string, string[]> Invalid(Dictionary<string, object?> fields)
    {
        var (dossier, errors) = Parse(fields);
        dossier.ShouldBeNull();
        return errors;
    }

    private static Dictionary<string, object?> With(params (string Name, object? Value)[] changes)
    {
        var fields = Snapshot();
        foreach (var (name, value) in changes) fields[name] = value;
        return fields;
    }

    [Fact]
    public void dates_are_vietnam_local_time() =>
        Valid(Snapshot()).ReceivedAt.ShouldBe(DateTimeOffset.Parse("2022-08-01T02:15:00Z"));

    [Fact]
    public void a_full_snapshot_is_read_field_by_field()
    {
        var dossier = Valid(Snapshot());

        (dossier.Code, dossier.ProcedureCode, dossier.ProcessingBody, dossier.Status, dossier.Channel)
            .ShouldBe(("000.00.01.H99-220801-0001", "1.004227", "000.00.01.H99", PortalStatus.Received, Channel.Online));
        dossier.DueAt.ShouldBe(PortalFixture.Local("2022-08-04T09:15:00"));
    }

    [Fact]
    public void empty_strings_mean_absent()
    {
        var dossier = Valid(Snapshot());

        (dossier.FinishedAt, dossier.ReturnedAt).ShouldBe((null, null));
    }

    [Fact]
    public void codes_statuses_and_dates_may_come_as_numbers()
    {
        var dossier = Valid(With(("TrangThaiHoSo", 10), ("KenhThucHien", 3), ("NgayTra", 20220805100000L), ("NgayKetThucXuLy", 20220804160000L)));

        (dossier.Status, dossier.Channel, dossier.ReturnedAt).ShouldBe((PortalStatus.Returned, Channel.Postal, PortalFixture.Local("2022-08-05T10:00:00")));
    }

    [Theory]
    [InlineData("1", Channel.Direct)]
    [InlineData("2", Channel.Online)]
    [InlineData("3", Channel.Postal)]
    public void channel_follows_KenhThucHien(string code, Channel channel) =>
        Valid(With(("KenhThucHien", code))).Channel.ShouldBe(channel);

    [Fact]
    public void unknown_fields_are_ignored() =>
        Valid(With(("TaiLieuNop", new[] { new { TepDinhKemId = "1" } }), ("session", "abc"))).Code.ShouldBe("000.00.01.H99-220801-0001");

    [Fact]
    public void field_names_match_ignoring_case() =>
        Valid(new Dictionary<string, object?>(Snapshot().Select(f => KeyValuePair.Create(f.Key.ToLowerInvariant(), f.Value))))
            .Code.ShouldBe("000.00.01.H99-220801-0001");

    [Theory]
    [InlineData("2022-08-01T09:15:00")]
    [InlineData("20220801")]
    [InlineData("20221301091500")]
    [InlineData("20220801251500")]
    [InlineData("2022080109150x")]
    public void a_date_not_in_yyyyMMddHHmmss_is_an_error(string text) =>
        Invalid(With(("NgayTiepNhan", text))).Keys.ShouldBe(["NgayTiepNhan"]);

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("4a")]
    public void a_status_outside_1_to_10_is_an_error(string status) =>
        Invalid(With(("TrangThaiHoSo", status))).Keys.ShouldBe(["TrangThaiHoSo"]);

    [Fact]
    public void a_missing_channel_is_direct() =>
        Valid(With(("KenhThucHien", ""))).Channel.ShouldBe(Channel.Direct);

    [Theory]
    [InlineData("4")]
    [InlineData("online")]
    [InlineData(true)]
    public void an_unknown_channel_is_direct_with_a_warning(object channel)
    {
        var dossier = Valid(With(("KenhThucHien", channel)));

        (dossier.Channel, dossier.Warnings.Keys.Single()).ShouldBe((Channel.Direct, "KenhThucHien"));
    }

    [Fact]
    public void a_known_channel_gives_no_warning() =>
        Valid(Snapshot()).Warnings.ShouldBeEmpty();

    [Fact]
    public void DonViXuLy_may_be_the_processing_bodys_name() =>
        Valid(With(("DonViXuLy", "  Sở Tư pháp tỉnh Hòa Bình "))).ProcessingBody.ShouldBe("Sở Tư pháp tỉnh Hòa Bình");

    [Fact]
    public void a_DonViXuLy_that_cannot_be_read_is_set_aside_with_a_warning()
    {
        var dossier = Valid(With(("DonViXuLy", new { MaDonVi = "000.00.01.H99" })));

        (dossier.ProcessingBody, dossier.Warnings.Keys.Single()).ShouldBe((null, "DonViXuLy"));
    }

    [Fact]
    public void DonViXuLy_may_be_left_out() =>
        Valid(With(("DonViXuLy", null))).ProcessingBody.ShouldBeNull();

    [Fact]
    public void a_value_that_is_neither_string_nor_number_is_an_error() =>
        Invalid(With(("MaTTHC", true))).Keys.ShouldBe(["MaTTHC"]);

    [Fact]
    public void every_missing_field_is_reported_at_once() =>
        Invalid(With(("MaHoSo", ""), ("MaTTHC", null), ("NgayTiepNhan", "")))
            .Keys.Order().ShouldBe(["MaHoSo", "MaTTHC", "NgayTiepNhan"]);

    [Fact]
    public void status_9_needs_NgayKetThucXuLy() =>
        Invalid(With(("TrangThaiHoSo", "9"))).Keys.ShouldBe(["NgayKetThucXuLy"]);

    [Fact]
    public void status_10_needs_NgayTra() =>
        Invalid(With(("TrangThaiHoSo", "10"))).Keys.ShouldBe(["NgayTra"]);

    [Fact]
    public void status_1_needs_only_the_code_and_the_status() =>
        Valid(new() { ["MaHoSo"] = "000.00.01.H99-220801-0002", ["TrangThaiHoSo"] = "1", ["NgayTiepNhan"] = "" }).Status.ShouldBe(PortalStatus.SubmittedOnline);

    [Fact]
    public void a_dossier_code_may_not_start_with_a_dollar() =>
        Invalid(With(("MaHoSo", "$calendar"))).Keys.ShouldBe(["MaHoSo"]);

    [Fact]
    public void supplement_rounds_are_read_in_the_order_they_were_requested()
    {
        var dossier = Valid(With(("DanhSachHoSoBoSung", new object[]
        {
            new { NgayBoSung = "20220810090000", NgayTiepNhanBoSung = "", NgayHenTraTruoc = "20220815090000", NgayHenTraMoi = "" },
            new { NgayBoSung = "20220802090000", NgayTiepNhanBoSung = "20220805090000", NgayHenTraTruoc = "20220804091500", NgayHenTraMoi = "20220810091500", NoiDungBoSung = "Bổ sung giấy chứng sinh" },
        })));

        dossier.Supplements.Select(r => r.RequestedAt).ShouldBe([PortalFixture.Local("2022-08-02T09:00:00"), PortalFixture.Local("2022-08-10T09:00:00")]);
        dossier.Supplements[0].ShouldBe(new SupplementRound(PortalFixture.Local("2022-08-02T09:00:00"), PortalFixture.Local("2022-08-05T09:00:00"),
            PortalFixture.Local("2022-08-04T09:15:00"), PortalFixture.Local("2022-08-10T09:15:00"), "Bổ sung giấy chứng sinh"));
    }

    [Fact]
    public void a_supplement_round_needs_its_request_date() =>
        Invalid(With(("DanhSachHoSoBoSung", new object[] { new { NgayTiepNhanBoSung = "20220805090000" } })))
            .Keys.ShouldBe(["DanhSachHoSoBoSung[0].NgayBoSung"]);

    [Fact]
    public void a_supplement_cannot_be_received_before_it_was_requested() =>
        Invalid(With(("DanhSachHoSoBoSung", new object[] { new { NgayBoSung = "20220805090000", NgayTiepNhanBoSung = "20220802090000" } })))
            .Keys.ShouldBe(["DanhSachHoSoBoSung[0].NgayTiepNhanBoSung"]);

    [Fact]
    public void a_dossier_that_is_not_an_object_is_an_error() =>
        PortalDossierParser.Parse(JsonSerializer.SerializeToElement("000.00.01.H99-220801-0001")).Dossier.ShouldBeNull();
}
