namespace DossierTracker.Organisation;

/// <summary>
/// A unit of the organisation tree. Validity dates (inclusive, local) let one tree hold the units before and after a
/// reorganisation; <see cref="SuccessorCode"/> names the unit that takes over a ceased unit's work the day after its
/// <see cref="ValidTo"/> (contract v2, "Reference data"). <see cref="ReportRecipient"/> is the body the unit files its
/// form 06 with ("Đơn vị nhận báo cáo"), when an operator set it.
/// </summary>
public sealed record Unit(
    string Code,
    string Name,
    UnitLevel Level,
    string? ParentCode,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? SuccessorCode = null,
    string? ReportRecipient = null)
{
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>True when the unit is valid on at least one day of [from, to].</summary>
    public bool IsValidDuring(DateOnly from, DateOnly to) =>
        (ValidFrom is null || ValidFrom <= to) && (ValidTo is null || from <= ValidTo);
}
