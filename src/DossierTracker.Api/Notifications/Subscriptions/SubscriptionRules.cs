using System.Net.Mail;
using DossierTracker.Api.Http;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;

namespace DossierTracker.Api.Notifications.Subscriptions;

/// <summary>What makes a subscription valid, for the API and the dashboard alike.</summary>
public static class SubscriptionRules
{
    public const int MaxEmailLength = 254;

    /// <summary>Field errors of a request (400), before the unit is looked up.</summary>
    public static Dictionary<string, string[]> FieldErrors(string? email, string? unitCode, bool digest, bool lateAlerts)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsEmail(email)) errors["email"] = ["email must be one email address, like ten@donvi.gov.vn."];
        if (string.IsNullOrWhiteSpace(unitCode)) errors["unitCode"] = ["unitCode is required."];
        if (!digest && !lateAlerts) errors["digest"] = ["Choose the daily digest, late alerts or both."];
        return errors;
    }

    /// <summary>Unknown unit (422) or outside the caller's scope (403), as the lists answer them.</summary>
    public static IResult? UnitProblem(string unitCode, string scopeUnitCode, OrganisationTree tree)
    {
        if (!tree.Contains(unitCode)) return Problems.Result(ProblemCodes.UnknownUnit, $"Unit '{unitCode}' is not in the organisation tree.");
        if (!tree.IsInScopeOf(unitCode, scopeUnitCode)) return Problems.Result(ProblemCatalogue.Forbidden, $"Unit '{unitCode}' is outside this key's scope.");
        return null;
    }

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxEmailLength || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return false;
        return MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.');
    }
}
