using System.Text.RegularExpressions;

namespace DossierTracker.Api.Tests.Architecture;

/// <summary>
/// Which top-level folder of a project uses which, read from the source text: a <c>using</c> (or Razor <c>@using</c>,
/// or any fully qualified name) of a folder's namespace, or a name qualified by a folder (<c>Hosting.StoreSetup</c>)
/// whose type that folder declares. Files at the project's root (Program.cs) are the composition root, outside the graph.
/// </summary>
public sealed partial class FolderGraph
{
    /// <summary>An edge with one file that makes it, so a failure points at code to change.</summary>
    public sealed record Edge(string From, string To, string File);

    private readonly Dictionary<(string From, string To), Edge> _edges = new();

    private FolderGraph(IEnumerable<string> folders) => Folders = folders.ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> Folders { get; }
    public IEnumerable<Edge> Edges => _edges.Values;

    /// <param name="sources">Paths relative to the project (with '/'), and their text.</param>
    public static FolderGraph Of(string rootNamespace, IReadOnlyList<(string Path, string Text)> sources)
    {
        var inFolders = sources.Where(s => s.Path.Contains('/')).Select(s => (Folder: s.Path[..s.Path.IndexOf('/')], s.Path, s.Text)).ToList();
        var declared = inFolders
            .GroupBy(s => s.Folder)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => TypeDeclaration().Matches(s.Text).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal));
        var graph = new FolderGraph(declared.Keys);
        var namespaceReference = new Regex($@"\b{Regex.Escape(rootNamespace)}\.(\w+)");
        foreach (var (folder, path, text) in inFolders)
        {
            foreach (Match m in namespaceReference.Matches(text)) graph.Add(folder, m.Groups[1].Value, path);
            foreach (Match m in QualifiedName().Matches(text))
            {
                var (qualifier, name) = (m.Groups[1].Value, m.Groups[2].Value);
                if (declared.TryGetValue(qualifier, out var types) && types.Contains(name)) graph.Add(folder, qualifier, path);
            }
        }
        return graph;
    }

    public static FolderGraph OfProject(string projectDirectory, string rootNamespace)
    {
        var sources = Directory.EnumerateFiles(projectDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(projectDirectory, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal)
                && !p.StartsWith("Internal/Generated/", StringComparison.Ordinal))
            .Select(p => (p, File.ReadAllText(Path.Combine(projectDirectory, p))))
            .ToList();
        return Of(rootNamespace, sources);
    }

    public IEnumerable<Edge> From(string folder) => Edges.Where(e => e.From == folder);
    public IEnumerable<Edge> Into(string folder) => Edges.Where(e => e.To == folder);

    /// <summary>One cycle per strongly connected group of folders, each edge with its file; empty when the graph is layered.</summary>
    public IReadOnlyList<IReadOnlyList<Edge>> Cycles()
    {
        var cycles = new List<IReadOnlyList<Edge>>();
        var inCycle = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in Folders.Order(StringComparer.Ordinal))
        {
            if (inCycle.Contains(start) || ShortestPath(start, start) is not { } cycle) continue;
            cycles.Add(cycle);
            inCycle.UnionWith(cycle.Select(e => e.From));
        }
        return cycles;
    }

    private IReadOnlyList<Edge>? ShortestPath(string from, string to)
    {
        var cameBy = new Dictionary<string, Edge>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var folder))
        {
            foreach (var edge in From(folder).OrderBy(e => e.To, StringComparer.Ordinal))
            {
                if (edge.To == to)
                {
                    var path = new List<Edge> { edge };
                    for (var back = folder; back != from; back = cameBy[back].From) path.Insert(0, cameBy[back]);
                    return path;
                }
                if (cameBy.TryAdd(edge.To, edge)) queue.Enqueue(edge.To);
            }
        }
        return null;
    }

    public static string Describe(IEnumerable<Edge> edges) =>
        string.Join(Environment.NewLine, edges.Select(e => $"  {e.From} -> {e.To} ({e.File})"));

    private void Add(string from, string to, string file)
    {
        if (from != to && Folders.Contains(to)) _edges.TryAdd((from, to), new Edge(from, to, file));
    }

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?<![\w.])(\w+)\.(\w+)")]
    private static partial Regex QualifiedName();
}
