using System.Text.Json.Serialization;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>The figures of a form 06 row on the wire (a row's own, or its <c>previous</c>): rates written as null when undefined.</summary>
public record ReportFiguresResponse(
    int Received, int ReceivedOnline, int ReceivedDirect, int CarriedOver,
    int Resolved, int ResolvedEarly, int ResolvedOnTime, int ResolvedLate,
    int InProgress, int InProgressOnTime, int InProgressOverdue,
    int WithdrawnOrStopped,
    int OnTime766,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? OnTimeRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Indicator766,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Points766)
{
    public static ReportFiguresResponse Of(ReportFigures f) => new(
        f.Received, f.ReceivedOnline, f.ReceivedDirect, f.CarriedOver,
        f.Resolved, f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate,
        f.InProgress, f.InProgressOnTime, f.InProgressOverdue,
        f.WithdrawnOrStopped, f.OnTime766, f.OnTimeRate, f.Indicator766, f.Points766);
}
