using System.Globalization;

namespace DossierTracker.Api.Dashboard.Charts;

/// <summary>Numbers in SVG attributes: invariant culture (a Vietnamese decimal comma would break the geometry).</summary>
public static class Svg
{
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
