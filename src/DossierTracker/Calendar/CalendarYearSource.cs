namespace DossierTracker.Calendar;

/// <summary>Where a year's days off came from, so reports can say how trustworthy a due time is.</summary>
public enum CalendarYearSource
{
    /// <summary>The government's published decision, shipped with the service.</summary>
    OfficialTable,

    /// <summary>Derived from the Labour Code rules; an approximation of the yearly decision.</summary>
    Computed,

    /// <summary>Entered by an operator, overriding both of the others.</summary>
    Operator,
}
