using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Ingestion;
using DossierTracker.NationalPortal;

namespace DossierTracker.Api.NationalPortal;

/// <summary>
/// Builds the per-item results. Messages are in Vietnamese for the one-stop operators who read them; the problem
/// details beside a failure carry the stable code and an English detail, as everywhere else in the API.
/// </summary>
internal static class PortalResults
{
    public static PortalItemResult Invalid(int index, string? code, Dictionary<string, string[]> errors) =>
        new(index, code, false, "Dữ liệu không hợp lệ; xem problem.errors.", [],
            Problems.Details(ProblemCatalogue.Validation, "One or more fields are not valid; see errors.", errors));

    public static PortalItemResult WithoutEvents(int index, PortalDossier snapshot, SnapshotOutcome outcome) =>
        new(index, snapshot.Code, true, outcome switch
        {
            SnapshotOutcome.NotCounted when snapshot.Status == PortalStatus.SubmittedOnline =>
                "Trạng thái 1 (nộp trực tuyến, chưa tiếp nhận) không được thống kê; không ghi sự kiện.",
            SnapshotOutcome.NotCounted => "Trạng thái 3 (từ chối tiếp nhận) không được thống kê; không ghi sự kiện.",
            SnapshotOutcome.Superseded =>
                $"Hồ sơ đã kết thúc trong hệ thống; trạng thái {(int)snapshot.Status} của bản đồng bộ này cũ hơn nên không ghi sự kiện.",
            _ => "Không có thay đổi mới so với trạng thái đã ghi nhận.",
        }, []);

    /// <summary>A dossier whose trial decision refused one event: nothing of it was stored.</summary>
    public static PortalItemResult Refused(int index, string code, IReadOnlyList<EventSubmission> plan, IngestionResult refusal) =>
        new(index, code, false, Rejected(plan.First(s => s.EventId == refusal.EventId), refusal),
            plan.Select(s => Event(s, s.EventId == refusal.EventId ? "rejected" : "skipped")).ToList(),
            IngestionResponses.ProblemFor(refusal));

    /// <summary>The ingestor's outcomes, one per submission in order.</summary>
    public static PortalItemResult Stored(int index, string code, IReadOnlyList<EventSubmission> plan, IReadOnlyList<IngestionResult> outcomes)
    {
        var events = plan.Zip(outcomes, (s, o) => Event(s, o.Status.ToString().ToLowerInvariant())).ToList();
        var firstRejected = Enumerable.Range(0, plan.Count).FirstOrDefault(i => outcomes[i].Status == IngestionStatus.Rejected, -1);
        if (firstRejected >= 0)
            return new(index, code, false, Rejected(plan[firstRejected], outcomes[firstRejected]), events,
                IngestionResponses.ProblemFor(outcomes[firstRejected]));

        var created = outcomes.Count(o => o.Status == IngestionStatus.Created);
        var message = created == 0
            ? "Không có thay đổi mới: các sự kiện này đã được ghi trước đó."
            : $"Đã ghi {created} sự kiện mới" + (created < outcomes.Count ? $" ({outcomes.Count - created} đã có từ trước)." : ".");
        return new(index, code, true, message, events);
    }

    public static PortalResponse Response(IReadOnlyList<PortalItemResult> results, string noun)
    {
        var failed = results.Count(r => !r.Success);
        return failed == 0
            ? new PortalResponse(PortalResponse.Success, "Thành công", results)
            : new PortalResponse(PortalResponse.Failure, $"{failed}/{results.Count} {noun} không được ghi nhận; xem result.", results);
    }

    private static string Rejected(EventSubmission submission, IngestionResult outcome) =>
        $"Sự kiện '{submission.Type}' bị từ chối ({outcome.Rejection!.Code}): {outcome.Rejection.Detail}";

    private static PortalEventResult Event(EventSubmission s, string status) => new(s.EventId, s.Type, s.OccurredAt, status);
}
