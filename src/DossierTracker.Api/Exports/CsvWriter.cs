using System.Globalization;
using System.Text;
using DossierTracker.Calendar;

namespace DossierTracker.Api.Exports;

/// <summary>
/// RFC 4180 CSV that Excel opens cleanly: UTF-8 with a byte order mark (without it Excel reads Vietnamese as
/// Windows-1252), CRLF line ends, and fields quoted when they hold a comma, quote, CR or LF.
/// </summary>
public static class CsvWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <param name="heading">Lines a reader sees above the table (a report's period), each a record of one field,
    /// followed by an empty line; none for a plain table.</param>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string>? heading = null)
    {
        var text = new StringBuilder();
        foreach (var line in heading ?? []) AppendRecord(text, [line]);
        if (heading is { Count: > 0 }) text.Append("\r\n");
        AppendRecord(text, header);
        foreach (var row in rows) AppendRecord(text, row);
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    private static void AppendRecord<T>(StringBuilder text, IReadOnlyList<T> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Quote(Format(fields[i])));
        }
        text.Append("\r\n");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => DefuseFormula(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("0.####", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => VietnamTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum wireValue => WireNames.Of(wireValue),
        _ => throw new ArgumentException($"CSV cannot format a {value.GetType().Name}.", nameof(value)),
    };

    // A spreadsheet runs text that starts like a formula (OWASP "CSV injection"); the quote makes it plain text.
    // Numbers are formatted above, so a negative number is never prefixed.
    private static string DefuseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
