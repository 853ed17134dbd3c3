using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Http;

namespace DossierTracker.Api.Dashboard.Admin;

/// <summary>One item of an upload, with the row (XLSX) or position (JSON) it came from, as the admin is told.</summary>
public sealed record UploadRow<T>(int Number, T Item);

/// <summary>An error of an upload, by the row it is about; row 0 is about the file as a whole.</summary>
public sealed record UploadError(int Row, string Message);

/// <summary>
/// An uploaded file of reference data read into the API's body items (<typeparamref name="T"/>, the items of PUT
/// /api/units or /api/procedures), so the upload is validated and applied by the API's own code. A JSON file is that
/// body; an XLSX file has one sheet whose first row names the columns by the items' wire names (a dotted name such as
/// <c>processingTime.value</c> fills a nested member), one item per further row. Dates are dd/mm/yyyy text, yyyy-mm-dd
/// text or date cells.
/// </summary>
public sealed class ReferenceUpload<T> where T : class
{
    public List<UploadRow<T>> Rows { get; } = [];
    /// <summary>Every row in the file's order, null where the row could not be read as an item (its error is in <see cref="Errors"/>).</summary>
    private readonly List<(int Number, T? Item)> _all = [];
    public List<UploadError> Errors { get; } = [];
    /// <summary>True for XLSX: rows are the sheet's row numbers; for JSON they are positions in the array, from 1.</summary>
    public bool IsSheet { get; private init; }
    /// <summary>Why the file could not be read at all: <c>missing</c>, <c>xlsx</c>, <c>json</c> or <c>confirm</c>; null when it was.</summary>
    public string? FileProblem { get; private init; }
    public bool IsRejected => FileProblem is not null || Errors.Count > 0;

    /// <param name="dateColumns">Sheet columns holding dates.</param>
    /// <param name="numberColumns">Sheet columns holding numbers; every other column is text, even when it looks like a number.</param>
    public static async Task<ReferenceUpload<T>> ReadAsync(IFormFile? file, IReadOnlySet<string> dateColumns, IReadOnlySet<string> numberColumns,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return Failed("missing");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var isSheet = file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        var items = isSheet ? FromSheet(buffer, dateColumns, numberColumns) : FromJson(buffer);
        if (items is null) return Failed(isSheet ? "xlsx" : "json");
        var upload = new ReferenceUpload<T> { IsSheet = isSheet };
        foreach (var (number, item) in items) upload.Add(number, item);
        return upload;
    }

    /// <summary>The items again from the preview's confirm form (<see cref="ItemsJson"/>, <see cref="NumbersText"/>).</summary>
    public static ReferenceUpload<T> Confirmed(string? itemsJson, string? numbers, bool isSheet)
    {
        var upload = new ReferenceUpload<T> { IsSheet = isSheet };
        JsonArray? items;
        try { items = JsonNode.Parse(itemsJson ?? "") as JsonArray; }
        catch (JsonException) { items = null; }
        var rowNumbers = (numbers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).ToList();
        if (items is null || rowNumbers.Count != items.Count) return Failed("confirm");
        for (var i = 0; i < items.Count; i++) upload.Add(rowNumbers[i], items[i]?.DeepClone());
        return upload;
    }

    public IReadOnlyList<T> Items => Rows.Select(r => r.Item).ToList();

    /// <summary>
    /// Every row's item, null for a row that could not be read: the API's checks then still find the other rows'
    /// errors, and the positions of its errors (<c>[i]</c>) stay those of the file.
    /// </summary>
    public IReadOnlyList<T?> AllItems => _all.Select(r => r.Item).ToList();

    public string ItemsJson => JsonSerializer.Serialize(Items, ApiJson.Options);

    public string NumbersText => string.Join(',', Rows.Select(r => r.Number.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The API's errors by row: <c>[i]</c> is the i-th item; <c>units[CODE]</c> (or a longer key) the rows of that code,
    /// or the file as a whole when no row has it (a stored unit the upload made invalid).
    /// </summary>
    public void AddProblem(IDictionary<string, string[]> errors, Func<T, string?> codeOf)
    {
        var unread = Errors.Select(e => e.Row).ToHashSet();
        foreach (var (key, messages) in errors)
        {
            var rows = RowsOf(key, codeOf).Where(row => !unread.Contains(row)).ToList();
            if (rows.Count == 0 && unread.Count > 0 && key.StartsWith('[')) continue;
            foreach (var message in messages)
            {
                if (rows.Count == 0) Errors.Add(new UploadError(0, $"{key}: {message}"));
                foreach (var row in rows) Errors.Add(new UploadError(row, message));
            }
        }
        Errors.Sort((a, b) => a.Row.CompareTo(b.Row));
    }

    private List<int> RowsOf(string key, Func<T, string?> codeOf)
    {
        if (key.StartsWith('[') && int.TryParse(key[1..key.IndexOf(']')], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < _all.Count)
            return [_all[index].Number];
        var open = key.IndexOf('[');
        var close = key.IndexOf(']');
        if (open < 0 || close <= open) return [];
        var code = key[(open + 1)..close];
        return Rows.Where(r => codeOf(r.Item) == code).Select(r => r.Number).ToList();
    }

    private void Add(int number, JsonNode? node)
    {
        try
        {
            var item = node?.Deserialize<T>(ApiJson.Options);
            _all.Add((number, item));
            if (item is not null) Rows.Add(new UploadRow<T>(number, item));
            else Errors.Add(new UploadError(number, "The item must be an object, not null."));
        }
        catch (JsonException e)
        {
            _all.Add((number, null));
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            Errors.Add(new UploadError(number, $"The value at {path} has the wrong type or format."));
        }
    }

    private static ReferenceUpload<T> Failed(string problem) => new() { FileProblem = problem };

    private static List<(int, JsonNode?)>? FromJson(Stream stream)
    {
        try
        {
            return JsonNode.Parse(stream) is JsonArray array ? array.Select((item, i) => (i + 1, item?.DeepClone())).ToList() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<(int, JsonNode?)>? FromSheet(Stream stream, IReadOnlySet<string> dateColumns, IReadOnlySet<string> numberColumns)
    {
        if (XlsxSheet.Read(stream) is not { Count: > 0 } rows) return null;
        var header = rows.First();
        var items = new List<(int, JsonNode?)>();
        foreach (var (number, cells) in rows.Skip(1))
        {
            var item = new JsonObject();
            foreach (var (column, name) in header.Value)
            {
                if (cells.TryGetValue(column, out var text)) Set(item, name, Value(text, dateColumns.Contains(name), numberColumns.Contains(name)));
            }
            items.Add((number, item));
        }
        return items;
    }

    /// <summary>Dates as the API's yyyy-mm-dd (a date cell holds a serial day number), numbers as numbers, the rest as text.</summary>
    private static JsonNode Value(string text, bool isDate, bool isNumber)
    {
        if (isDate && TypedDate.TryParse(text, out var date)) return TypedDate.Iso(date);
        if (isDate && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
            return TypedDate.Iso(DateOnly.FromDateTime(DateTime.FromOADate(serial)));
        if (isNumber && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    private static void Set(JsonObject item, string name, JsonNode value)
    {
        var members = name.Split('.');
        var target = item;
        foreach (var member in members[..^1])
        {
            if (target[member] is not JsonObject next) target[member] = next = new JsonObject();
            target = next;
        }
        target[members[^1]] = value;
    }
}
