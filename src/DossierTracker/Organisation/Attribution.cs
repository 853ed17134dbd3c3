namespace DossierTracker.Organisation;

/// <summary>
/// Which unit a dossier counts for in a period (contract v2, "Which unit a dossier counts for"): the unit that received
/// it, or, for a period whose first local date is after that unit's validTo, its successor, followed step by step.
/// Computed from the reference data on every read, so correcting a successor or a validity re-attributes the figures
/// on the next read, without a rebuild.
/// </summary>
public static class Attribution
{
    /// <summary>The unit <paramref name="receivingUnitCode"/>'s dossiers count for in a period starting <paramref name="periodFrom"/>.</summary>
    public static string CountingUnit(this OrganisationTree tree, string receivingUnitCode, DateOnly periodFrom)
    {
        var code = receivingUnitCode;
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        while (tree.Find(code) is { ValidTo: { } lastDay, SuccessorCode: { } successor } && periodFrom > lastDay && seen.Add(successor))
            code = successor;
        return code;
    }

    /// <summary>
    /// The unit a row of a compared (earlier) period is shown under: the counting unit, or further along the succession a
    /// unit of <paramref name="shown"/> that did not exist yet in that period (it ends on or before the unit's validFrom,
    /// compared as instants: the period's last day is before validFrom), which stands for its predecessors there.
    /// </summary>
    public static string StandingUnit(this OrganisationTree tree, string receivingUnitCode, DateOnly periodFrom, DateOnly periodTo,
        IReadOnlySet<string> shown)
    {
        var code = tree.CountingUnit(receivingUnitCode, periodFrom);
        var standing = code;
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        while (tree.Find(code) is { SuccessorCode: { } successorCode } && seen.Add(successorCode)
               && tree.Find(successorCode) is { ValidFrom: { } firstDay } successor && periodTo < firstDay)
        {
            code = successor.Code;
            if (shown.Contains(code)) standing = code;
        }
        return standing;
    }
}
