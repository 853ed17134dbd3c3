using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Procedures;

namespace DossierTracker.Simulator.ReferenceData;

/// <summary>
/// The organisation tree and procedure catalogue the traffic is generated for, read from the demo files: the demo
/// province, or several copies of it (<see cref="ProvinceCopies"/>). <see cref="Units"/> holds every copy's units (keys
/// are chosen in it); <see cref="Provinces"/> each copy's own tree, which its traffic is generated for.
/// </summary>
public sealed record DemoProvince(OrganisationTree Units, IReadOnlyList<OrganisationTree> Provinces, IReadOnlyList<CatalogueProcedure> Procedures)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the bodies of <c>PUT /api/units</c> and <c>PUT /api/procedures</c> (ops/demo/), the units as <paramref name="provinces"/> copies.</summary>
    public static DemoProvince Load(string unitsPath, string proceduresPath, int provinces = 1)
    {
        var demo = Read<JsonArray>(unitsPath);
        var copies = Enumerable.Range(0, provinces).Select(copy => Tree(ProvinceCopies.Copy(demo, copy), unitsPath)).ToList();
        var all = Tree(ProvinceCopies.Of(demo, provinces), unitsPath);

        var procedures = Read<ProcedureJson[]>(proceduresPath).Select(p => new CatalogueProcedure(
            new Procedure(p.Code, p.Name, new ProcessingTime(p.ProcessingTime.Value,
                // "working-days" → WorkingDays: the wire spelling without its hyphens is the enum's name.
                ParseEnum<ProcessingTimeUnit>(p.ProcessingTime.Unit.Replace("-", "", StringComparison.Ordinal), proceduresPath)),
                p.Field is { } field ? new ProcedureField(field.Code, field.Name) : null),
            (p.Levels ?? []).Select(level => ParseEnum<UnitLevel>(level, proceduresPath)).ToList())).ToList();
        var unreceivable = procedures.FirstOrDefault(p => p.Levels.Count == 0);
        if (unreceivable is not null)
            throw new SimulatorException($"{proceduresPath}: procedure {unreceivable.Code} has no 'levels'; the simulator needs them to choose its units.");
        return new DemoProvince(all, copies, procedures);
    }

    private static OrganisationTree Tree(JsonArray json, string unitsPath)
    {
        var units = json.Deserialize<UnitJson[]>(Json)!.Select(u => new Unit(
            u.Code, u.Name, ParseEnum<UnitLevel>(u.Level, unitsPath), u.ParentCode, u.ValidFrom, u.ValidTo)).ToList();
        var tree = OrganisationTree.Build(units);
        return tree.Tree
            ?? throw new SimulatorException($"{unitsPath} is not a valid organisation tree: {string.Join("; ", tree.Errors.SelectMany(e => e.Value))}");
    }

    private static T Read<T>(string path)
    {
        if (!File.Exists(path))
            throw new SimulatorException($"{path} not found (run from the repository root, or pass the file's path).");
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new SimulatorException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new SimulatorException($"{path} is not valid: {e.Message}");
        }
    }

    private static T ParseEnum<T>(string value, string path) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new SimulatorException($"{path}: '{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");

    private sealed record UnitJson(string Code, string Name, string Level, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo);

    private sealed record ProcedureJson(string Code, string Name, ProcessingTimeJson ProcessingTime, FieldJson? Field, string[]? Levels);

    private sealed record FieldJson(string Code, string Name);

    private sealed record ProcessingTimeJson(int Value, string Unit);
}
