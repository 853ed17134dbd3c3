using System.Net;
using System.Text;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.LateDossiers;

/// <summary><c>format=csv-people</c>: the late and due-soon lists as people open them in Excel; <c>format=csv</c> unchanged.</summary>
public sealed class PeopleCsvTests(TrackerApp app) : ApiScenario(app)
{
    // Now is Tuesday 2026-03-10 10:00 (+07:00).
    private async Task PostLateDossierAsync()
    {
        await PostOkAsync(Received("HS-260226-0001", "2026-02-26T09:00:00+07:00", dueAt: "2026-03-02T09:00:00+07:00"));
        await PostOkAsync(Event("processing", "HS-260226-0001", "2026-02-26T10:00:00+07:00",
            fields: [("handler", "cb-07"), ("handlerName", "Nguyễn Thị Lan")]));
    }

    private async Task<(string[] Lines, byte[] Bytes)> CsvAsync(string path)
    {
        var response = await GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimEnd().Split("\r\n"), bytes);
    }

    [Fact]
    public async Task the_csv_for_people_has_vietnamese_headings_and_a_byte_order_mark()
    {
        await PostLateDossierAsync();

        var (lines, bytes) = await CsvAsync("/api/dossiers/late?format=csv-people");

        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        lines[0].ShouldBe("STT,Mã hồ sơ,Đơn vị,Mã đơn vị,Thủ tục,Mã thủ tục,Lĩnh vực,Kênh nộp,Trạng thái,Ngày tiếp nhận,Hạn giải quyết," +
            "Ngày có kết quả,Thời gian quá hạn,Người xử lý,Phiếu xin lỗi,Ngày hẹn lại");
    }

    [Fact]
    public async Task the_csv_for_people_shows_names_local_times_and_working_days_and_hours()
    {
        await PostLateDossierAsync();

        var (lines, _) = await CsvAsync("/api/dossiers/late?format=csv-people");

        // Overdue from Monday 2 March 09:00 to Tuesday 10 March 10:00: 6 h that Monday, 5 full days (40 h), 3 h on the
        // Tuesday = 49 working hours = 6 days 1 hour.
        lines[1].ShouldBe("1,HS-260226-0001,Sở Tư pháp,000.00.01.H99,Đăng ký khai sinh,1.004227,,Trực tuyến,Đang xử lý,26/02/2026 09:00," +
            "02/03/2026 09:00,,6 ngày 1 giờ,Nguyễn Thị Lan (cb-07),Không,");
    }

    [Fact]
    public async Task the_due_soon_csv_for_people_shows_the_time_left()
    {
        await PostOkAsync(Received("HS-260310-0002", "2026-03-10T08:00:00+07:00", dueAt: "2026-03-10T14:30:00+07:00"));

        var (lines, _) = await CsvAsync("/api/dossiers/due-soon?format=csv-people");

        lines[0].ShouldContain(",Hạn giải quyết,Thời gian còn lại,Người xử lý,");
        // 10:00→11:30 and 13:30→14:30: 2.5 working hours, shown to the hour.
        lines[1].ShouldContain(",10/03/2026 14:30,3 giờ,");
    }

    [Fact]
    public async Task the_machine_csv_stays_as_it_was()
    {
        await PostLateDossierAsync();

        var (lines, _) = await CsvAsync("/api/dossiers/late?format=csv");

        lines[0].ShouldStartWith("dossierCode,unitCode,unitName,procedureCode,procedureName,channel,status,receivedAt,dueAt,completedAt,overdueWorkingHours,");
        lines[0].ShouldEndWith(",handler,apologyIssued,newAppointmentAt,fieldCode,fieldName");
        lines[1].ShouldContain(",2026-03-02T09:00:00+07:00,,49,cb-07,false,,,");
        lines[1].ShouldNotContain("Nguyễn Thị Lan");
    }
}
