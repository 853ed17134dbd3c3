namespace DossierTracker.Reporting;

/// <summary>Where a named period's days begin and end.</summary>
public enum PeriodCutoff
{
    /// <summary>Calendar spans: the first quarter is 1 January – 31 March.</summary>
    Calendar,

    /// <summary>
    /// The data cut-off of the periodic reporting regime (Decree 09/2019/NĐ-CP, article 12): from the 15th of the month
    /// before the period to the 14th of its last month.
    /// </summary>
    Official,
}
