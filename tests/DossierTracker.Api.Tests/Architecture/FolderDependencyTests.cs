using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Architecture;

/// <summary>
/// The folders of the service and the simulator are layers: no folder reaches one that reaches it back. In the service,
/// Http is the kernel every feature builds on and uses none, and Hosting is the composition root nothing but
/// Program.cs uses.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly Lazy<FolderGraph> Api =
        new(() => FolderGraph.OfProject(Repository.Path("src", "DossierTracker.Api"), "DossierTracker.Api"));

    private static readonly Lazy<FolderGraph> Simulator =
        new(() => FolderGraph.OfProject(Repository.Path("src", "DossierTracker.Simulator"), "DossierTracker.Simulator"));

    [Fact]
    public void api_folders_depend_on_each_other_without_cycles() => ShouldHaveNoCycle(Api.Value);

    [Fact]
    public void simulator_folders_depend_on_each_other_without_cycles() => ShouldHaveNoCycle(Simulator.Value);

    [Fact]
    public void http_kernel_uses_no_other_folder()
    {
        Api.Value.Folders.ShouldContain("Http");
        var edges = Api.Value.From("Http").ToList();
        edges.ShouldBeEmpty("Http/ is the kernel below every feature, yet uses:" + Environment.NewLine + FolderGraph.Describe(edges));
    }

    [Fact]
    public void only_program_uses_the_composition_root()
    {
        Api.Value.Folders.ShouldContain("Hosting");
        var edges = Api.Value.Into("Hosting").ToList();
        edges.ShouldBeEmpty("Hosting/ is the composition root, used only by Program.cs, yet:" + Environment.NewLine + FolderGraph.Describe(edges));
    }

    [Fact]
    public void a_cycle_through_usings_and_qualified_names_is_found_with_its_files()
    {
        var graph = FolderGraph.Of("App", [
            ("Kernel/Problems.cs", "using App.Hosting;\nnamespace App.Kernel;\npublic static class Problems { }"),
            ("Hosting/Store.cs", "namespace App.Hosting;\npublic static class Store { object P => Kernel.Problems.X; }"),
            ("Pages/_ViewImports.cshtml", "@using App.Kernel"),
            ("Program.cs", "using App.Pages;"),
        ]);

        var cycle = graph.Cycles().ShouldHaveSingleItem();
        FolderGraph.Describe(cycle).ShouldBe(FolderGraph.Describe([
            new FolderGraph.Edge("Hosting", "Kernel", "Hosting/Store.cs"),
            new FolderGraph.Edge("Kernel", "Hosting", "Kernel/Problems.cs"),
        ]));
        graph.Into("Kernel").Select(e => e.From).Order().ShouldBe(["Hosting", "Pages"]);
    }

    [Fact]
    public void a_name_qualified_by_a_folder_counts_only_when_that_folder_declares_it()
    {
        // Dossiers.Dossier names the domain's namespace, not the folder Dossiers, which declares no type Dossier.
        var graph = FolderGraph.Of("App", [
            ("Dossiers/GetDossier.cs", "namespace App.Dossiers;\npublic static class GetDossier { }"),
            ("ReadModel/StateJson.cs", "namespace App.ReadModel;\n/// <see cref=\"Dossiers.Dossier\"/>\npublic static class StateJson { }"),
        ]);

        graph.Edges.ShouldBeEmpty();
    }

    private static void ShouldHaveNoCycle(FolderGraph graph)
    {
        var cycles = graph.Cycles();
        cycles.ShouldBeEmpty("Folder cycles (each edge with a file that makes it):" + Environment.NewLine
            + string.Join(Environment.NewLine, cycles.Select((c, i) => $"cycle {i + 1}:{Environment.NewLine}{FolderGraph.Describe(c)}")));
    }
}
