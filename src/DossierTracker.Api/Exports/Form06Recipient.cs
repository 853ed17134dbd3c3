using DossierTracker.Organisation;

namespace DossierTracker.Api.Exports;

/// <summary>
/// "Đơn vị nhận báo cáo": to whom a unit files its form 06. The unit's own setting (<c>reportRecipient</c> of
/// PUT /api/units) when an operator set it; otherwise the parent unit, and for a province its People's Committee office.
/// </summary>
internal static class Form06Recipient
{
    public static string NameFor(string unitCode, OrganisationTree units, Form06Text text) => units.Find(unitCode) switch
    {
        { ReportRecipient: { } recipient } => recipient,
        { ParentCode: { } parentCode } when units.Find(parentCode) is { } parent => parent.Name,
        _ => text.ProvinceRecipient,
    };
}
