using DossierTracker.Procedures;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// One name per field code. Rows by field are keyed by the code and titled by the name, so a code with two names would
/// make a report whose title depends on which procedure was read first. A request is refused (nothing stored) when its
/// items name one code differently, or name it differently from a stored procedure the request does not replace.
/// </summary>
public static class FieldNames
{
    /// <returns>Item key ("[i]", as the validation errors) → why its field name conflicts; empty when none does.</returns>
    public static Dictionary<string, string[]> Conflicts(IReadOnlyList<Procedure> incoming, IReadOnlyList<Procedure> stored)
    {
        var replaced = incoming.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var kept = stored.Where(p => !replaced.Contains(p.Code) && p.Field is not null)
            .GroupBy(p => p.Field!.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var errors = new Dictionary<string, List<string>>();
        var items = incoming.Select((procedure, index) => (procedure, index)).Where(i => i.procedure.Field is not null);
        foreach (var byCode in items.GroupBy(i => i.procedure.Field!.Code, StringComparer.Ordinal))
        {
            var names = byCode.GroupBy(i => i.procedure.Field!.Name, StringComparer.Ordinal).ToList();
            if (names.Count > 1)
            {
                var which = string.Join("; ", names.Select(n => $"'{n.Key}' by {string.Join(", ", n.Select(i => $"[{i.index}]"))}"));
                foreach (var (_, index) in byCode)
                    Add(errors, index, $"field.name: field '{byCode.Key}' is named differently within the request: {which}.");
            }
            foreach (var other in kept.GetValueOrDefault(byCode.Key, []).GroupBy(p => p.Field!.Name, StringComparer.Ordinal))
            {
                var procedures = string.Join(", ", other.Select(p => p.Code).Order(StringComparer.Ordinal));
                foreach (var (procedure, index) in byCode.Where(i => i.procedure.Field!.Name != other.Key))
                    Add(errors, index, $"field.name: field '{byCode.Key}' is '{procedure.Field!.Name}' here but '{other.Key}' on stored " +
                        $"procedure(s) {procedures}, which this request does not replace.");
            }
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Add(Dictionary<string, List<string>> errors, int index, string message)
    {
        var key = $"[{index}]";
        if (!errors.TryGetValue(key, out var messages)) errors[key] = messages = [];
        messages.Add(message);
    }
}
