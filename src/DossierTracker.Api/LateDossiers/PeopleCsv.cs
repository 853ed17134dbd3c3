using System.Globalization;
using DossierTracker.Api.Exports;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.LateDossiers;

/// <summary>
/// A list as people open it in Excel (<c>format=csv-people</c>): Vietnamese headings, names beside codes, local times
/// as dd/mm/yyyy hh:mm, working time as days and hours, UTF-8 with a byte order mark (<see cref="CsvWriter"/>). The
/// machine-readable <c>format=csv</c> stays as it was for programs.
/// </summary>
public static class PeopleCsv
{
    // The dashboard's Vietnamese words (Dashboard/Text), which this layer below it cannot read.
    private static readonly IReadOnlyDictionary<Channel, string> Channels = new Dictionary<Channel, string>
    {
        [Channel.Online] = "Trực tuyến",
        [Channel.Direct] = "Trực tiếp",
        [Channel.Postal] = "Dịch vụ bưu chính công ích",
    };

    private static readonly IReadOnlyDictionary<DossierStatus, string> Statuses = new Dictionary<DossierStatus, string>
    {
        [DossierStatus.Received] = "Đã tiếp nhận",
        [DossierStatus.Processing] = "Đang xử lý",
        [DossierStatus.Paused] = "Tạm dừng",
        [DossierStatus.Resolved] = "Đã giải quyết xong",
        [DossierStatus.Returned] = "Đã trả kết quả",
        [DossierStatus.Withdrawn] = "Đã rút hồ sơ",
        [DossierStatus.Stopped] = "Dừng xử lý",
    };

    public static byte[] Write(IReadOnlyList<DossierListItem> items, bool withRemaining)
    {
        string[] header =
        [
            "STT", "Mã hồ sơ", "Đơn vị", "Mã đơn vị", "Thủ tục", "Mã thủ tục", "Lĩnh vực", "Kênh nộp", "Trạng thái", "Ngày tiếp nhận",
            "Hạn giải quyết", .. withRemaining ? new[] { "Thời gian còn lại" } : ["Ngày có kết quả", "Thời gian quá hạn"],
            "Người xử lý", "Phiếu xin lỗi", "Ngày hẹn lại",
        ];
        return CsvWriter.Write(header, items.Select((i, index) => (IReadOnlyList<object?>)
        [
            index + 1, i.DossierCode, i.UnitName ?? i.UnitCode, i.UnitCode, i.ProcedureName ?? i.ProcedureCode, i.ProcedureCode, i.FieldName,
            Channels[i.Channel], Statuses[i.Status], Time(i.ReceivedAt), Time(i.DueAt),
            .. withRemaining
                ? new object?[] { Duration(i.RemainingWorkingHours ?? 0) }
                : [Time(i.CompletedAt), Duration(i.OverdueWorkingHours)],
            HandlerOf(i), i.ApologyIssued ? "Có" : "Không", Time(i.NewAppointmentAt),
        ]));
    }

    /// <summary>The name people know, with the officer's id after it when both were sent.</summary>
    public static string? HandlerOf(DossierListItem item) => (item.HandlerName, item.Handler) switch
    {
        ({ } name, { } id) => $"{name} ({id})",
        ({ } name, null) => name,
        (null, var id) => id,
    };

    private static string Duration(double workingHours) => WorkingDuration.Of(workingHours).ToText(DurationWords.Vietnamese);

    private static string? Time(DateTimeOffset? instant) =>
        instant is { } value ? VietnamTime.ToLocal(value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : null;
}
