using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;
using DossierTracker.Procedures;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Ingestion;

/// <summary>
/// A small province to decide in. H22 (province) has the department SNV and the districts HB and LS; HB has the
/// communes HB-01 and HB-02 (merged away after 2024-02-29), LS has LS-01. March 2024 has no holidays.
/// </summary>
internal static class Province
{
    public const string Root = "H22";
    public const string ProcedureInDays = "1.004227";
    public const string ProcedureInHours = "2.000046";

    public static readonly OrganisationTree Units = OrganisationTree.Build(
    [
        new Unit(Root, "Tỉnh Hòa Bình", UnitLevel.Province, null),
        new Unit("SNV", "Sở Nội vụ", UnitLevel.Department, Root),
        new Unit("HB", "Thành phố Hòa Bình", UnitLevel.District, Root),
        new Unit("LS", "Huyện Lương Sơn", UnitLevel.District, Root),
        new Unit("HB-01", "Phường Phương Lâm", UnitLevel.Commune, "HB"),
        new Unit("HB-02", "Xã Hòa Bình", UnitLevel.Commune, "HB", ValidTo: new DateOnly(2024, 2, 29)),
        new Unit("LS-01", "Thị trấn Lương Sơn", UnitLevel.Commune, "LS"),
    ]).Tree!;

    public static readonly IReadOnlyDictionary<string, Procedure> Procedures = new Dictionary<string, Procedure>
    {
        [ProcedureInDays] = new(ProcedureInDays, "Chứng thực bản sao", new ProcessingTime(3, ProcessingTimeUnit.WorkingDays)),
        [ProcedureInHours] = new(ProcedureInHours, "Cấp bản sao trích lục", new ProcessingTime(4, ProcessingTimeUnit.WorkingHours)),
    };

    public static readonly WorkingCalendar Calendar = Local.DefaultCalendar();

    /// <summary>The tracker's clock in these tests: well after every event of the scenarios.</summary>
    public static readonly DateTimeOffset Now = Local.Time("2024-03-20 10:00");

    /// <summary>A one-stop system's key scoped to <paramref name="scope"/>, or the tracker itself when null.</summary>
    public static DecisionContext Context(string? scope = Root, DateTimeOffset? now = null) =>
        new(Units, Procedures, Calendar, now ?? Now, RecordedAt: now ?? Now, scope,
            scope is null ? EventSources.Tracker : EventSources.OneStop);
}
