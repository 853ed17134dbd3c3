using System.Globalization;
using System.Text.Json.Nodes;

namespace DossierTracker.Simulator.ReferenceData;

/// <summary>
/// Several provinces from the demo's one (issue 20: national volume): copy 0 is the demo tree as it is; copy k has the
/// same shape (levels, parents, validity, mergers) with codes and names of its own, so that N provinces' traffic and
/// reference data can live in one tracker. A code's province part (the last, e.g. <c>H33</c>) becomes <c>S{k:D2}33</c>;
/// a name keeps its beginning (Phường, Sở Tư pháp, ... which choose units and departments) and gains <c>– S{k:D2}</c>.
/// </summary>
public static class ProvinceCopies
{
    public const int Most = 63;
    private static readonly string[] CodeFields = ["code", "parentCode", "successorCode"];

    /// <summary>The units of <paramref name="provinces"/> copies of <paramref name="units"/> (the body of <c>PUT /api/units</c>), copy 0 first.</summary>
    public static JsonArray Of(JsonArray units, int provinces)
    {
        if (provinces is < 1 or > Most) throw new SimulatorException($"--provinces must be between 1 and {Most}, not {provinces}.");
        var all = new JsonArray();
        for (var copy = 0; copy < provinces; copy++)
            foreach (var unit in Copy(units, copy)) all.Add(unit!.DeepClone());
        return all;
    }

    /// <summary>The units of one copy: <paramref name="copy"/> 0 is the original.</summary>
    public static JsonArray Copy(JsonArray units, int copy)
    {
        var result = new JsonArray();
        foreach (var node in units)
        {
            var unit = node!.DeepClone().AsObject();
            if (copy > 0)
            {
                foreach (var field in CodeFields)
                    if (unit[field]?.GetValue<string>() is { } code) unit[field] = Code(code, copy);
                unit["name"] = $"{unit["name"]!.GetValue<string>()} – {Tag(copy)}";
            }
            result.Add(unit);
        }
        return result;
    }

    /// <summary>The copy's code for a demo unit's code: <c>000.00.31.H33</c> → <c>000.00.31.S0533</c> in copy 5.</summary>
    public static string Code(string code, int copy)
    {
        if (copy == 0) return code;
        var dot = code.LastIndexOf('.');
        var province = code[(dot + 1)..];
        return $"{code[..(dot + 1)]}{Tag(copy)}{(province.Length > 1 ? province[1..] : province)}";
    }

    private static string Tag(int copy) => "S" + copy.ToString("D2", CultureInfo.InvariantCulture);
}
