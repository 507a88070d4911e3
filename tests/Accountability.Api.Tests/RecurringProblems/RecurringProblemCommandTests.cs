using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.RecurringProblems;
using static Accountability.Api.Tests.RecurringProblems.RecurringProblemSteps;

namespace Accountability.Api.Tests.RecurringProblems;

/// <summary>Operators run problems by hand: open, link, unlink, give an owner, a root cause and a fix.</summary>
[Category("api")]
public sealed class RecurringProblemCommandTests
{
    [Test]
    public async Task An_operator_opens_a_problem_and_links_and_unlinks_complaints_by_hand()
    {
        var market = await Marketplace.CreateAsync();
        var (first, second) = (await market.FileAboutAsync(NewProduct()), await market.FileAboutAsync(NewProduct()));
        var opened = await market.OpenProblemAsync("Photo Pro");
        Assert.That((opened.Status, opened.OpenedAutomatically, opened.OpenedBy?.Id, opened.Version), Is.EqualTo((ProblemStatus.Open, false, "store", 1L)));

        await market.LinkAsync(opened.Id, first.Id);
        var linked = await market.LinkAsync(opened.Id, second.Id);
        Assert.That((linked.LinkedComplaints, linked.Version), Is.EqualTo((2, 3L)));
        using (var unlinked = await market.Operator.DeleteAsync($"/api/problems/{opened.Id}/links/{first.Id}"))
            Assert.That((await unlinked.ShouldBeAsync<ProblemView>(200)).LinkedComplaints, Is.EqualTo(1));

        var page = await market.Operator.ProblemAsync(opened.Id);
        Assert.That(page.Complaints.Select(c => c.Id), Is.EqualTo(new[] { second.Id }));
        using var again = await market.Operator.DeleteAsync($"/api/problems/{opened.Id}/links/{first.Id}");
        await again.ShouldBeProblemAsync(409, "not-linked");
    }

    [Test]
    public async Task The_problems_page_sums_the_time_its_complaints_were_held_per_party_and_names_the_parties_involved()
    {
        var market = await Marketplace.CreateAsync();
        var withAcme = await market.FileAboutAsync(NewProduct());
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{withAcme.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        var withStore = await market.FileAboutAsync(NewProduct());
        var problem = await market.OpenProblemAsync("Photo Pro");
        await market.LinkAsync(problem.Id, withAcme.Id);
        await market.LinkAsync(problem.Id, withStore.Id);

        var before = await HeldAsync(market, withAcme.Id, withStore.Id);
        var page = await market.Operator.ProblemAsync(problem.Id);
        var after = await HeldAsync(market, withAcme.Id, withStore.Id);

        Assert.That(page.Parties.Select(p => p.Id), Is.EqualTo(new[] { "acme", "store" }));
        // Each complaint's view truncates its own seconds; the page sums the exact times first, so it may be ahead of the
        // views' sum by less than one second per complaint.
        foreach (var held in page.TimeHeld)
            Assert.That(held.Seconds, Is.InRange(before.GetValueOrDefault(held.Party), after.GetValueOrDefault(held.Party) + 1), held.Party);
        Assert.That(page.TimeHeld.Select(t => t.Party), Is.EquivalentTo(after.Keys));
        Assert.That(page.TotalSecondsHeld, Is.EqualTo(page.TimeHeld.Sum(t => t.Seconds)));
    }

    [Test]
    public async Task The_operator_names_an_owner_and_the_owning_vendor_records_the_root_cause()
    {
        var market = await Marketplace.CreateAsync();
        var problem = await market.OpenProblemAsync("Photo Pro");
        var owned = await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/owner", new { owner = "acme" });
        Assert.That(owned.Owner?.DisplayName, Is.EqualTo("Acme Apps"));

        var recorded = await market.Acme.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/root-cause",
            new { rootCause = "ProductDefect", explanation = "The image cache is never emptied" }, headers: h => h.IfMatch.ParseAdd("\"2\""));
        Assert.That((recorded.RootCause, recorded.RootCauseExplanation), Is.EqualTo((RootCause.ProductDefect, "The image cache is never emptied")));

        using (var photon = await market.Photon.PostAsync($"/api/problems/{problem.Id}/root-cause", new { rootCause = "ProductDefect", explanation = "x" }))
            await photon.ShouldBeProblemAsync(404, "not-found");
        using (var stale = await market.Operator.PostAsync($"/api/problems/{problem.Id}/owner", new { owner = "photon" }, h => h.IfMatch.ParseAdd("\"2\"")))
            await stale.ShouldBeProblemAsync(412, "precondition-failed");
        using (var unknown = await market.Operator.PostAsync($"/api/problems/{problem.Id}/owner", new { owner = "nobody" }))
            await unknown.ShouldBeProblemAsync(422, "unknown-party");
        using (var vendor = await market.Acme.PostAsync($"/api/problems/{problem.Id}/owner", new { owner = "acme" }))
            await vendor.ShouldBeProblemAsync(403, "forbidden");
        Assert.That((await market.Operator.ProblemsAsync("?owner=acme")).Select(p => p.Id), Is.EqualTo(new[] { problem.Id }));
        Assert.That(await market.Operator.ProblemsAsync("?owner=photon"), Is.Empty);
    }

    [Test]
    public async Task Resolving_proposes_the_fix_to_every_linked_open_complaint_and_its_customer_sees_it()
    {
        var market = await Marketplace.CreateAsync();
        var open = await market.FileAboutAsync(NewProduct());
        var inProgress = await market.FileAboutAsync(NewProduct());
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{inProgress.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{inProgress.Id}/acknowledgement", null);
        var resolved = await market.FileAboutAsync(NewProduct());
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{resolved.Id}/resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Refund" });
        var problem = await market.OpenProblemAsync("Photo Pro");
        foreach (var complaint in new[] { open, inProgress, resolved })
            await market.LinkAsync(problem.Id, complaint.Id);
        await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/owner", new { owner = "acme" });

        const string fix = "Update Photo Pro to 2.1, which fixes the crash on start.";
        var done = await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/resolution",
            new { rootCause = "ProductDefect", explanation = "A corrupt cache", fix });

        Assert.That((done.Status, done.Fix), Is.EqualTo((ProblemStatus.Resolved, fix)));
        Assert.That(done.Proposals!.ProposedTo, Is.EquivalentTo(new[] { open.Id, inProgress.Id }));
        Assert.That(done.Proposals.Skipped, Is.EqualTo(new[] { new SkippedComplaint(resolved.Id, "already-resolved") }));
        foreach (var complaint in new[] { open, inProgress })
        {
            Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{complaint.Id}")).Status, Is.EqualTo(ComplaintStatus.ResolutionProposed));
            var last = (await market.TimelineAsync(complaint.Id))[^1];
            Assert.That((last.Type, last.By), Is.EqualTo(("resolution_proposed", "store")));
            using var page = await new Customer(complaint.TrackingLink!).OpenAsync("application/json");
            var status = await page.ShouldBeAsync<StatusPageView>(200);
            Assert.That((status.Status, status.ProposedFix, status.Can.ConfirmFix), Is.EqualTo((ComplaintStatus.ResolutionProposed, fix, true)));
        }
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{resolved.Id}")).Version, Is.EqualTo(2), "the resolved complaint is left alone");
    }

    [Test]
    public async Task A_problem_is_resolved_once_takes_no_more_links_and_needs_an_owner_and_a_root_cause()
    {
        var market = await Marketplace.CreateAsync();
        var complaint = await market.FileAboutAsync(NewProduct());
        var problem = await market.OpenProblemAsync("Photo Pro");
        var path = $"/api/problems/{problem.Id}";
        var resolution = new { fix = "Update" };

        using (var ownerless = await market.Operator.PostAsync($"{path}/resolution", resolution))
            await ownerless.ShouldBeProblemAsync(409, "no-owner");
        await market.Operator.PostJsonAsync<ProblemView>($"{path}/owner", new { owner = "store" });
        using (var causeless = await market.Operator.PostAsync($"{path}/resolution", resolution))
            await causeless.ShouldBeProblemAsync(422, "root-cause-missing");
        await market.Operator.PostJsonAsync<ProblemView>($"{path}/root-cause", new { rootCause = "StorePlatform", explanation = "Checkout timeout" });
        var resolved = await market.Operator.PostJsonAsync<ProblemView>($"{path}/resolution", resolution);
        Assert.That((resolved.RootCause, resolved.Proposals!.ProposedTo.Count), Is.EqualTo((RootCause.StorePlatform, 0)));

        using (var twice = await market.Operator.PostAsync($"{path}/resolution", resolution))
            await twice.ShouldBeProblemAsync(409, "problem-resolved");
        using (var link = await market.Operator.PostAsync($"{path}/links", new { complaintId = complaint.Id }))
            await link.ShouldBeProblemAsync(409, "problem-resolved");
        Assert.That((await market.Operator.ProblemAsync(problem.Id)).Problem.Version, Is.EqualTo(resolved.Version), "refusals change nothing");
    }

    [Test]
    public async Task A_complaint_belongs_to_one_problem_and_another_marketplaces_complaint_is_not_found()
    {
        var market = await Marketplace.CreateAsync();
        var other = await Marketplace.CreateAsync();
        var complaint = await market.FileAboutAsync(NewProduct());
        var theirs = await other.FileAboutAsync(NewProduct());
        var (first, second) = (await market.OpenProblemAsync("Photo Pro"), await market.OpenProblemAsync("Photo Pro", "billing"));
        await market.LinkAsync(first.Id, complaint.Id);

        using (var here = await market.Operator.PostAsync($"/api/problems/{first.Id}/links", new { complaintId = complaint.Id }))
            await here.ShouldBeProblemAsync(409, "already-linked");
        using (var elsewhere = await market.Operator.PostAsync($"/api/problems/{second.Id}/links", new { complaintId = complaint.Id }))
            await elsewhere.ShouldBeProblemAsync(409, "already-linked");
        using (var foreign = await market.Operator.PostAsync($"/api/problems/{first.Id}/links", new { complaintId = theirs.Id }))
            await foreign.ShouldBeProblemAsync(404, "not-found");
        using (var missing = await market.Operator.PostAsync($"/api/problems/{Guid.NewGuid()}/links", new { complaintId = complaint.Id }))
            await missing.ShouldBeProblemAsync(404, "not-found");
    }

    [Test]
    public async Task A_repeated_idempotency_key_replays_the_link_and_writes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var complaint = await market.FileAboutAsync(NewProduct());
        var problem = await market.OpenProblemAsync("Photo Pro");
        var key = $"link-{Guid.NewGuid()}";

        var first = await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/links", new { complaintId = complaint.Id }, headers: h => h.Add("Idempotency-Key", key));
        using var replay = await market.Operator.PostAsync($"/api/problems/{problem.Id}/links", new { complaintId = complaint.Id }, h => h.Add("Idempotency-Key", key));
        Assert.That(replay.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await replay.ShouldBeAsync<ProblemView>(200)).Version, Is.EqualTo(first.Version));
        Assert.That((await market.Operator.ProblemAsync(problem.Id)).Problem.Version, Is.EqualTo(2));
    }

    private static async Task<Dictionary<string, long>> HeldAsync(Marketplace market, params Guid[] complaints)
    {
        var views = new List<ComplaintView>();
        foreach (var id in complaints)
            views.Add(await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}"));
        return views.SelectMany(v => v.TimeHeld).GroupBy(t => t.Party).ToDictionary(g => g.Key, g => g.Sum(t => t.Seconds));
    }
}
