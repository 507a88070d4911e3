using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using NetArchTest.Rules;

namespace Accountability.Api.Tests.Architecture;

/// <summary>The layout keeps the architecture it shows (docs/write-path.md): read from the compiled assemblies.</summary>
[Category("api")]
public sealed class LayoutTests
{
    private static readonly System.Reflection.Assembly Api = typeof(ProblemException).Assembly;
    private static readonly System.Reflection.Assembly Domain = typeof(Complaint).Assembly;

    [Test]
    public void The_domain_depends_on_no_package_and_on_nothing_of_the_service()
    {
        // What an assembly references is all it can depend on: the framework's assemblies, nothing else.
        Assert.That(Domain.GetReferencedAssemblies().Select(a => a.Name).Where(name => !name!.StartsWith("System.", StringComparison.Ordinal)),
            Is.Empty, "the domain references framework assemblies only");
    }

    [Test]
    public void The_HTTP_concerns_know_no_feature_no_write_pipeline_and_no_authentication()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Accountability.Api.Http")
            .ShouldNot().HaveDependencyOnAny("Accountability.Api.Features", "Accountability.Api.Commands", "Accountability.Api.Setup", "Accountability.Api.Auth",
                "Accountability.Api.Persistence", "Accountability.Api.Cli")
            .GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Recurring_problems_are_named_so_everywhere_and_problem_means_an_RFC_9457_answer_only()
    {
        var misnamed = new[] { Api, Domain }.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.Split('.').Contains("Problems") == true).Select(t => t.FullName);
        Assert.That(misnamed, Is.Empty);
    }

    [Test]
    public void Setup_is_the_composition_root_that_only_the_entry_points_use()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Accountability.Api")
            .And().DoNotResideInNamespace("Accountability.Api.Setup").And().DoNotResideInNamespace("Accountability.Api.Cli")
            .And().DoNotHaveName("Program")
            .ShouldNot().HaveDependencyOn("Accountability.Api.Setup").GetResult();
        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Configuration_and_background_helpers_use_nothing_of_the_service()
    {
        var edges = FolderGraph.Edges(Api.Location, "Accountability.Api");
        Assert.That(edges.Where(e => e.From is "Configuration" or "Background"), Is.Empty);
    }

    /// <summary>Pairs still to untangle (docs/write-path.md, Layout): the list may only shrink.</summary>
    private static readonly string[] PairsStillToUntangle = [];

    [Test]
    public void No_two_folders_import_each_other_beyond_the_pairs_still_to_untangle()
    {
        // A folder is a top-level folder of the service, or one feature (Features.X); uses are read from the IL.
        var edges = FolderGraph.Edges(Api.Location, "Accountability.Api");
        var pairs = edges.Where(e => string.CompareOrdinal(e.From, e.To) < 0 && edges.Contains((e.To, e.From)))
            .Select(e => $"{e.From} <-> {e.To}").Order(StringComparer.Ordinal).ToList();
        Assert.That(pairs.Except(PairsStillToUntangle), Is.Empty, "folders that newly import each other");
        Assert.That(PairsStillToUntangle.Except(pairs), Is.Empty, "untangled: take these off the list");
    }
}
