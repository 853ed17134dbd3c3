namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// Deterministic random dossier lives over a few months of 2022 in the test province: every path the figures
/// distinguish (early, on time, late, paused, resumed, a second supplement request, withdrawn, stopped, still open),
/// with explicit due times.
/// </summary>
public static class GeneratedTraffic
{
    private static readonly string[] Units =
        [TestProvince.Province, TestProvince.Justice, TestProvince.Environment, TestProvince.DistrictA, TestProvince.DistrictB, TestProvince.CommuneA1, TestProvince.CommuneB1];
    private static readonly string[] Channels = ["online", "online", "online", "direct", "postal"];
    private static readonly DateTimeOffset Start = new(2022, 5, 1, 0, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Each dossier's events in order; dossiers may be interleaved in any order without changing the figures.</summary>
    public static List<List<Dictionary<string, object?>>> Dossiers(int count, int seed)
    {
        var random = new Random(seed);
        var dossiers = new List<List<Dictionary<string, object?>>>();
        for (var i = 0; i < count; i++)
        {
            var code = $"GEN-{seed}-{i:D4}";
            var received = Start.AddMinutes(random.Next(0, 150 * 24 * 60));
            var due = received.AddHours(random.Next(4, 240));
            var events = new List<Dictionary<string, object?>>
            {
                Event(code, "received", received, ("unitCode", Units[random.Next(Units.Length)]), ("procedureCode", TestProvince.BirthRegistration),
                    ("channel", Channels[random.Next(Channels.Length)]), ("dueAt", Text(due))),
            };
            var at = received;
            DateTimeOffset Later(int maxHours) => at = at.AddMinutes(random.Next(1, maxHours * 60));

            var path = random.Next(100);
            if (path < 30) { events.Add(Event(code, "processing", Later(24), ("handler", $"officer-{random.Next(9)}"))); }
            if (path is >= 30 and < 50)
            {
                events.Add(Event(code, "paused", Later(48), ("reason", random.Next(2) == 0 ? "supplement" : "payment")));
                if (path < 45) events.Add(Event(code, "resumed", Later(200)));
                // A second request for a supplement (Decision 766: never on time from then on), half an hour after the
                // resume, so the other paths keep their random draws.
                if (path is >= 40 and < 45)
                    events.Add(Again(Event(code, "paused", at = at.AddMinutes(30), ("reason", "supplement"))));
            }
            if (path is >= 50 and < 58) events.Add(Event(code, "withdrawn", Later(100)));
            else if (path is >= 58 and < 62) events.Add(Event(code, "stopped", Later(100)));
            else if (path is < 45 or >= 62 and < 88)
            {
                if (random.Next(4) == 0) events.Add(Event(code, "late", Later(48), ("apologyIssued", true), ("newAppointmentAt", Text(due.AddDays(5)))));
                events.Add(Event(code, "resolved", Later(random.Next(2) == 0 ? 60 : 400), ("outcome", "approved")));
                if (random.Next(3) == 0) events.Add(Event(code, "returned", Later(72)));
            }
            dossiers.Add(events);
        }
        return dossiers;
    }

    /// <summary>All events in an arrival order that interleaves dossiers randomly but keeps each dossier's order.</summary>
    public static List<Dictionary<string, object?>> Interleaved(List<List<Dictionary<string, object?>>> dossiers, int seed)
    {
        var random = new Random(seed);
        var queues = dossiers.Select(d => new Queue<Dictionary<string, object?>>(d)).ToList();
        var arrival = new List<Dictionary<string, object?>>();
        while (queues.Count > 0)
        {
            var i = random.Next(queues.Count);
            arrival.Add(queues[i].Dequeue());
            if (queues[i].Count == 0) queues.RemoveAt(i);
        }
        return arrival;
    }

    private static Dictionary<string, object?> Event(string code, string type, DateTimeOffset at, params (string Name, object? Value)[] fields)
    {
        var e = new Dictionary<string, object?> { ["eventId"] = $"{code}-{type}", ["type"] = type, ["dossierCode"] = code, ["occurredAt"] = Text(at) };
        foreach (var (name, value) in fields) e[name] = value;
        return e;
    }

    /// <summary>A second event of a type gets its own id.</summary>
    private static Dictionary<string, object?> Again(Dictionary<string, object?> e)
    {
        e["eventId"] += "-again";
        return e;
    }

    private static string Text(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz");
}
