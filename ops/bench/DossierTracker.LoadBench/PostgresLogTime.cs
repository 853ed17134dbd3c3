using System.Globalization;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>The instant of a line of PostgreSQL's server log (log_line_prefix '%m [%p] '), matched into groups "at" and "zone".</summary>
public static class PostgresLogTime
{
    public static DateTimeOffset Of(Match line)
    {
        var local = DateTime.ParseExact(line.Groups["at"].Value, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return line.Groups["zone"].Value is "UTC" or "GMT"
            ? new DateTimeOffset(local, TimeSpan.Zero)
            : new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }
}
