using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Tests.Infrastructure;
using static Accountability.Api.Tests.RecurringProblems.RecurringProblemSteps;

namespace Accountability.Api.Tests.RecurringProblems;

/// <summary>Marketplaces never see each other's problems; a vendor sees the problems it owns or that link its complaints, and only its complaints in them.</summary>
[Category("api")]
public sealed class RecurringProblemIsolationTests
{
    [Test]
    public async Task Another_marketplace_neither_lists_nor_opens_nor_changes_a_problem()
    {
        var market = await Marketplace.CreateAsync();
        var other = await Marketplace.CreateAsync();
        var problem = await market.OpenProblemAsync("Photo Pro");

        Assert.That(await other.Operator.ProblemsAsync(), Is.Empty);
        using (var read = await other.Operator.GetAsync($"/api/problems/{problem.Id}"))
            await read.ShouldBeProblemAsync(404, "not-found");
        using (var write = await other.Operator.PostAsync($"/api/problems/{problem.Id}/owner", new { owner = "acme" }))
            await write.ShouldBeProblemAsync(404, "not-found");
        Assert.That((await market.Operator.ProblemAsync(problem.Id)).Problem.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_vendor_sees_a_problem_through_its_own_complaints_and_never_another_vendors_complaints_in_it()
    {
        var market = await Marketplace.CreateAsync();
        var acmes = await market.FileHeldByAsync("acme");
        var photons = await market.FileHeldByAsync("photon");
        var shared = await market.OpenProblemAsync("Photo Pro");
        await market.LinkAsync(shared.Id, acmes.Id);
        await market.LinkAsync(shared.Id, photons.Id);
        var photonsOnly = await market.OpenProblemAsync("Flash", "dim");
        await market.LinkAsync(photonsOnly.Id, (await market.FileHeldByAsync("photon")).Id);

        Assert.That((await market.Acme.ProblemsAsync()).Select(p => p.Id), Is.EqualTo(new[] { shared.Id }));
        var page = await market.Acme.ProblemAsync(shared.Id);
        Assert.That(page.Complaints.Select(c => c.Id), Is.EqualTo(new[] { acmes.Id }));
        Assert.That(page.Problem.LinkedComplaints, Is.EqualTo(1));
        Assert.That(page.Parties.Select(p => p.Id), Does.Not.Contain("photon"));
        using var hidden = await market.Acme.GetAsync($"/api/problems/{photonsOnly.Id}");
        await hidden.ShouldBeProblemAsync(404, "not-found");
    }

    [Test]
    public async Task A_vendor_sees_a_problem_it_owns_and_may_not_change_its_links_or_resolve_it()
    {
        var market = await Marketplace.CreateAsync();
        var problem = await market.OpenProblemAsync("Photo Pro");
        await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/owner", new { owner = "photon" });

        Assert.That((await market.Photon.ProblemsAsync("?status=Open")).Select(p => p.Id), Is.EqualTo(new[] { problem.Id }));
        Assert.That(await market.Acme.ProblemsAsync(), Is.Empty);
        foreach (var (path, body) in new (string, object)[]
        {
            ("links", new { complaintId = Guid.NewGuid() }), ("resolution", new { rootCause = "ProductDefect", explanation = "x", fix = "y" }),
        })
        {
            using var refused = await market.Photon.PostAsync($"/api/problems/{problem.Id}/{path}", body);
            await refused.ShouldBeProblemAsync(403, "forbidden");
        }
        using (var create = await market.Photon.PostAsync("/api/problems", new { product = "x", category = "y", summary = "z" }))
            await create.ShouldBeProblemAsync(403, "forbidden");
    }
}
