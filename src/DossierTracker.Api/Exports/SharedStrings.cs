using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Exports;

/// <summary>The workbook's one shared-string table: every sheet's text cells index into it, each string stored once.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int IndexOf(string text)
    {
        if (!_index.TryGetValue(text, out var index)) _index[text] = index = _index.Count;
        return index;
    }

    public SharedStringTable ToTable() =>
        new(_index.OrderBy(entry => entry.Value).Select(entry => new SharedStringItem(StringText(entry.Key))));

    // Without xml:space="preserve" readers drop a unit name's leading or trailing spaces.
    private static Text StringText(string text) =>
        text.Trim() == text ? new Text(text) : new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve };
}
