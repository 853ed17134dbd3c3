using DossierTracker.Api.Http;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>What the report endpoints share: reading a period and answering one that has not begun.</summary>
public static class ReportRequest
{
    /// <summary>
    /// The period of <c>period</c>, or <c>from</c> and <c>to</c>, with <c>cutoff</c> (<see cref="ReportPeriodParser"/>);
    /// null with the errors added to <paramref name="query"/> when they do not make one.
    /// </summary>
    public static ReportPeriod? Period(QueryParameters query, string? period, string? from, string? to, string? cutoff)
    {
        if (ReportPeriodParser.TryParse(period, from, to, cutoff, out var parsed, out var errors)) return parsed;
        foreach (var error in errors) query.Check(false, error.Field, error.Message);
        return null;
    }

    /// <summary>422 <c>period-in-future</c> when <paramref name="period"/> has not begun at <paramref name="now"/>; otherwise null.</summary>
    public static IResult? NotBegun(ReportPeriod period, DateTimeOffset now, string parameter) =>
        ReportWindow.Of(period, now) is null
            ? Problems.Result(ProblemCatalogue.PeriodInFuture,
                $"The period asked with {parameter} ({period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}) begins after now; nothing can be counted in it yet.")
            : null;
}
