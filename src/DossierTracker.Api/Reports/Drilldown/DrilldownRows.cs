using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;

namespace DossierTracker.Api.Reports.Drilldown;

/// <summary>
/// Names the report row a drill-down asks for. A row the report asked with the same <c>unit</c> does not have (a unit
/// outside its subtree, an unknown field or procedure) is a 400 naming the parameter: it is a bad value of this query,
/// not a missing resource, and answering it like an unknown unit elsewhere would tell nothing more.
/// </summary>
public static class DrilldownRows
{
    public static DrilldownRow Resolve(QueryParameters query, DrilldownRequest request, UnitScope scope, ReferenceDataSnapshot snapshot)
    {
        if (request.RowUnit is { } unit)
        {
            query.Check(scope.Units.Any(u => u.Code == unit), "rowUnit", $"rowUnit must be a unit of the report ({scope.Unit.Code}, the units below it and those it took over).");
            return new DrilldownRow.OfUnit(unit);
        }
        if (request.Level is { } level) return new DrilldownRow.OfLevel(level);
        if (request.Field is { } field)
        {
            if (field == DrilldownRequest.NoField) return new DrilldownRow.OfField(null);
            query.Check(snapshot.Procedures.Values.Any(p => p.Field?.Code == field), "field",
                $"field must be the code of a field of the known procedures, or {DrilldownRequest.NoField} for procedures without one.");
            return new DrilldownRow.OfField(field);
        }
        if (request.Procedure is { } procedure)
        {
            query.Check(snapshot.Procedures.ContainsKey(procedure), "procedure", "procedure must be the code of a known procedure.");
            return new DrilldownRow.OfProcedure(procedure);
        }
        return new DrilldownRow.Total();
    }
}
