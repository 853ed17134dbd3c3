using DossierTracker.Organisation;

namespace DossierTracker.Api.Exports;

/// <summary>
/// "Đơn vị nhận báo cáo": to whom a unit files its form 06. Until units carry that as a setting (issue 15, point 5:
/// a later step adds an editable recipient per unit to the unit payload and reads it here first), it is the parent
/// unit, and for a province its People's Committee office.
/// </summary>
internal static class Form06Recipient
{
    public static string NameFor(string unitCode, OrganisationTree units, Form06Text text) =>
        units.Find(unitCode) is { ParentCode: { } parentCode } && units.Find(parentCode) is { } parent
            ? parent.Name
            : text.ProvinceRecipient;
}
