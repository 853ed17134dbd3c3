using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Modes;

/// <summary>The units mode: the reference data of the provinces a run with the same --provinces generates traffic for.</summary>
public static class ProvinceUnits
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(SimulatorOptions options)
    {
        if (!File.Exists(options.UnitsFile)) throw new SimulatorException($"{options.UnitsFile} not found (run from the repository root, or pass the file's path).");
        var demo = JsonNode.Parse(File.ReadAllText(options.UnitsFile)) as JsonArray
            ?? throw new SimulatorException($"{options.UnitsFile} is not a list of units.");
        File.WriteAllText(options.OutFile!, ProvinceCopies.Of(demo, options.Provinces).ToJsonString(Indented));
    }
}
