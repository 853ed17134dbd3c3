using System.Text.RegularExpressions;

namespace DossierTracker.Api.Dashboard.Admin;

/// <summary>
/// Errors of an admin form by field, shown beside the field. The API's validation problems (field → messages, the
/// messages naming the wire field they are about) are placed beside the form field of that wire name.
/// </summary>
public sealed partial class FormErrors
{
    public const string General = "";
    public const string ReasonField = "reason";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;
    public bool Has(string field) => _errors.ContainsKey(field);
    public IReadOnlyList<string> Of(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];
    public IEnumerable<(string Field, string Message)> All => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        if (!messages.Contains(message)) messages.Add(message);
    }

    /// <summary>
    /// The API's errors, each beside the field it names: the key's last member (<c>units[X].successorCode</c>) or the
    /// key itself when it is one of <paramref name="fields"/>, else the first of <paramref name="fields"/> the message
    /// names (fields are tried in the order given: put longer names first), else <see cref="General"/>.
    /// </summary>
    public void AddProblem(IDictionary<string, string[]> errors, IReadOnlyList<string> fields)
    {
        foreach (var (key, messages) in errors)
        {
            foreach (var message in messages) Add(FieldOf(key, message, fields), message);
        }
    }

    public static string FieldOf(string key, string message, IReadOnlyList<string> fields)
    {
        var member = LastMember().Match(key).Groups[1].Value;
        if (fields.Contains(member)) return member;
        if (fields.Contains(key)) return key;
        return fields.FirstOrDefault(f => Regex.IsMatch(message, $@"(?<![\w.]){Regex.Escape(f)}(?![\w])")) ?? General;
    }

    [GeneratedRegex(@"\]\.([\w.]+)$")]
    private static partial Regex LastMember();
}
