using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// A dossier's life from receipt to return, timed with the working calendar. Times are placed on the dossier's clock
/// (working time since receipt, not counting a pause), so an on-time dossier finishes before its effective due time by
/// construction, and a late one on a later date than it, as the report's rule compares them.
/// </summary>
internal sealed class Lifecycle(WorkingCalendar calendar)
{
    private const double RestartOnResumeShare = 0.1;
    private const double ReturnedShare = 0.95;
    private static readonly TimeSpan WorkingDay = TimeSpan.FromHours(8);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public (DossierPlan Plan, List<EventSubmission> Events) Build(
        string eventIdPrefix, string code, Arrival arrival, Random random)
    {
        var plan = DossierPlan.Draw(arrival.Procedure, random);
        var processingTime = arrival.Procedure.Procedure.ProcessingTime;
        var receivedAt = arrival.At;
        var due = calendar.DueTime(receivedAt, processingTime);
        var events = new List<EventSubmission>();
        string NextId() => $"{eventIdPrefix}-{code}-{events.Count + 1}";

        events.Add(new ReceivedSubmission(NextId(), code, receivedAt, arrival.Unit.Code, arrival.Procedure.Code, arrival.Channel,
            plan.DueAtSent ? due : null));

        // The dossier's clock: working time since receipt; after a pause it continues from the resumption.
        var allowed = calendar.WorkingTimeBetween(receivedAt, due);
        (TimeSpan Offset, DateTimeOffset ResumedAt)? pause = null;
        DateTimeOffset At(TimeSpan offset) => pause is { } p && offset >= p.Offset
            ? calendar.AddWorkingTime(p.ResumedAt, offset - p.Offset)
            : calendar.AddWorkingTime(receivedAt, offset);

        // Officer ids: "cb" the one-stop desk's officers who receive, "cv" the specialists (chuyên viên) who process.
        var handler = $"{arrival.Unit.Code}.cb{random.Next(1, 9):00}";
        var firstStep = Whole(Min(allowed * random.Between(0.01, 0.06) + Minute * 5, allowed * 0.5));
        events.Add(new ProcessingSubmission(NextId(), code, At(firstStep), null, handler, null));
        var deadline = allowed; // the clock offset of the effective due time
        var last = firstStep;

        if (plan.Paused)
        {
            var supplement = random.Chance(0.8);
            var pauseOffset = Whole(last + (allowed - last) * random.Between(0.05, 0.4));
            var pausedAt = At(pauseOffset);
            events.Add(new PausedSubmission(NextId(), code, pausedAt, supplement ? PauseReason.Supplement : PauseReason.Payment,
                supplement ? "Yêu cầu bổ sung giấy tờ còn thiếu" : "Thông báo nộp phí, lệ phí"));
            if (plan.NeverResumed)
            {
                events.Add(new WithdrawnSubmission(NextId(), code, calendar.AddWorkingTime(pausedAt, random.WorkingMinutes(5 * 8, 30 * 8)),
                    "Quá hạn bổ sung hồ sơ, người nộp rút hồ sơ"));
                return (plan, events);
            }

            var resumedAt = calendar.AddWorkingTime(pausedAt, supplement ? random.WorkingMinutes(8, 10 * 8) : random.WorkingMinutes(2, 3 * 8));
            pause = (pauseOffset, resumedAt);
            last = pauseOffset;
            if (random.Chance(RestartOnResumeShare))
            {
                // Some provinces restart the full processing time once the supplement arrives; the sender says so with dueAt.
                var restartedDue = calendar.DueTime(resumedAt, processingTime);
                deadline = pauseOffset + calendar.WorkingTimeBetween(resumedAt, restartedDue);
                events.Add(new ResumedSubmission(NextId(), code, resumedAt, restartedDue));
            }
            else
            {
                events.Add(new ResumedSubmission(NextId(), code, resumedAt, null));
            }
        }

        // The clock offset of the dossier's last step before its result: the apology of a late one, the withdrawal or
        // stop, or the resolution of one on time. Further processing steps go between the last event and it.
        var endOffset = Whole(plan switch
        {
            { Late: true, Apology: true } => ApologyOffset(last, deadline, random),
            { Late: true } => last + (deadline - last) * random.Between(0.5, 0.9),
            { Ending: Ending.Resolved } => last + (deadline - last) * random.Between(0.15, 0.97),
            _ => last + (deadline - last) * random.Between(0.1, 0.9),
        });
        var steps = random.NextDouble() switch { < 0.3 => 0, < 0.75 => 1, _ => 2 };
        foreach (var offset in Enumerable.Range(0, steps).Select(_ => Whole(last + (endOffset - last) * random.NextDouble())).Order())
            events.Add(new ProcessingSubmission(NextId(), code, At(offset), null, $"{arrival.Unit.Code}.cv{random.Next(1, 20):00}", null));

        var endedAt = At(endOffset);
        switch (plan.Ending)
        {
            case Ending.Withdrawn:
                events.Add(new WithdrawnSubmission(NextId(), code, endedAt, "Người nộp hồ sơ xin rút hồ sơ"));
                return (plan, events);
            case Ending.Stopped:
                events.Add(new StoppedSubmission(NextId(), code, endedAt, "Hồ sơ không đủ điều kiện giải quyết theo quy định"));
                return (plan, events);
        }

        var resolvedAt = plan.Late ? LateResolution(At(deadline), arrival.Procedure.IsLand, random) : endedAt;
        if (plan.Apology)
        {
            var appointment = VietnamTime.At(VietnamTime.LocalDate(calendar.AddWorkingTime(resolvedAt, random.WorkingMinutes(0, 8))),
                calendar.OfficeHours.ClosingTime);
            events.Add(new LateSubmission(NextId(), code, endedAt, true, appointment,
                arrival.Procedure.IsLand ? "Hồ sơ phức tạp, cần xác minh thực địa" : "Cần lấy ý kiến cơ quan liên quan"));
        }

        events.Add(new ResolvedSubmission(NextId(), code, resolvedAt, random.Chance(0.97) ? Outcome.Approved : Outcome.Refused));
        if (random.Chance(ReturnedShare))
        {
            // Online results are often sent back at once; paper ones wait for the applicant to call.
            var wait = arrival.Channel == Channel.Online && random.Chance(0.4) ? random.WorkingMinutes(0.2, 1) : random.WorkingMinutes(4, 4 * 8);
            events.Add(new ReturnedSubmission(NextId(), code, calendar.AddWorkingTime(resolvedAt, wait)));
        }
        return (plan, events);
    }

    /// <summary>Late by the report's rule: completed on a later local date than the effective due time; land later still.</summary>
    private DateTimeOffset LateResolution(DateTimeOffset due, bool land, Random random)
    {
        var nextDay = VietnamTime.At(calendar.NextWorkingDay(VietnamTime.LocalDate(due)), calendar.OfficeHours.OpeningTime);
        return calendar.AddWorkingTime(nextDay, land ? random.WorkingMinutes(1, 10 * 8) : random.WorkingMinutes(1, 3 * 8));
    }

    /// <summary>The apology goes out at least one working day before the due time (domain.md), or halfway when there is no such time left.</summary>
    private static TimeSpan ApologyOffset(TimeSpan last, TimeSpan deadline, Random random)
    {
        var dayBefore = deadline - WorkingDay - random.WorkingMinutes(0, 2);
        return dayBefore > last + Minute ? dayBefore : last + (deadline - last) * 0.5;
    }

    /// <summary>Clock offsets in whole minutes keep every instant on whole seconds, as they are sent.</summary>
    private static TimeSpan Whole(TimeSpan offset) => TimeSpan.FromMinutes(Math.Floor(offset.TotalMinutes));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
