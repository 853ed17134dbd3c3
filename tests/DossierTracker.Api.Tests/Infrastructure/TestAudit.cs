using DossierTracker.Api.Audit;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>Keys the tests set up are created, and revoked, by the tests themselves: a system actor, without a reason.</summary>
public static class TestAudit
{
    public static readonly AuditedChange Setup = new(AuditActor.System("tests"), null);
}
