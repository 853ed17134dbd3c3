using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Tests.Exports;

/// <summary>A small August 2022 report: two departments (one with nothing resolved) and a commune.</summary>
internal static class SampleReport
{
    public static readonly Unit Province = new("000.00.00.H22", "Tỉnh Hòa Bình", UnitLevel.Province, null);
    public static readonly Unit Justice = new("000.00.01.H22", "Sở Tư pháp", UnitLevel.Department, Province.Code);
    public static readonly Unit Environment = new("000.00.02.H22", "Sở Tài nguyên và Môi trường", UnitLevel.Department, Province.Code);
    public static readonly Unit Commune = new("000.11.01.H22", "Xã Bắc Phong, huyện Cao Phong", UnitLevel.Commune, Province.Code);

    public static readonly OrganisationTree Tree = OrganisationTree.Build([Province, Justice, Environment, Commune]).Tree!;

    public static Form06Report Of(ReportMonth month, Unit unit, IReadOnlyList<Form06Row> rows, ReportRowsBy rowsBy = ReportRowsBy.Unit) =>
        new(ReportPeriod.Month(month.Year, month.Month), unit.Code, unit.Name, rowsBy, rows, Provisional: false, AsOf: null, ComparedWith: null);

    public static Form06Report Build() => Of(ReportMonth.Parse("2022-08"), Province, Form06Rows.ByUnit(
        [Environment, Commune, Justice],
        new Dictionary<string, UnitMonthCounts>
        {
            // Justice: 18 received = 6 resolved + 9 in progress + 3 withdrawn or stopped.
            [Justice.Code] = new(ReceivedOnline: 10, ReceivedDirect: 5, CarriedOver: 3,
                ResolvedEarly: 2, ResolvedOnTime: 3, ResolvedLate: 1, OnTime766: 11,
                InProgressOnTime: 7, InProgressOverdue: 2, WithdrawnOrStopped: 3),
            [Environment.Code] = new(ReceivedOnline: 0, ReceivedDirect: 2, CarriedOver: 0,
                ResolvedEarly: 0, ResolvedOnTime: 0, ResolvedLate: 0, OnTime766: 1,
                InProgressOnTime: 1, InProgressOverdue: 1, WithdrawnOrStopped: 0),
            [Commune.Code] = new(ReceivedOnline: 1200, ReceivedDirect: 0, CarriedOver: 0,
                ResolvedEarly: 1000, ResolvedOnTime: 200, ResolvedLate: 0, OnTime766: 1200,
                InProgressOnTime: 0, InProgressOverdue: 0, WithdrawnOrStopped: 0),
        }));
}
