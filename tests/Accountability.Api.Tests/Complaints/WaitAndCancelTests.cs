using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Tests.Complaints;

/// <summary>Waiting on a third party and cancelling are complaint actions like the others: one write path, and guards that change nothing.</summary>
[Category("api")]
public sealed class WaitAndCancelTests
{
    private Marketplace market = null!;
    private string path = "";

    [SetUp]
    public async Task A_complaint_held_by_acme()
    {
        market = await Marketplace.CreateAsync();
        path = $"/api/complaints/{(await market.FileHeldByAsync("acme")).Id}";
    }

    [Test]
    public async Task The_holder_waits_on_a_third_party_until_its_answer_is_recorded()
    {
        var waiting = await market.Acme.PostJsonAsync<ComplaintView>($"{path}/third-party-waits", new { thirdParty = "Payment provider", reason = "Refund stuck" });
        Assert.That(waiting.Status, Is.EqualTo(ComplaintStatus.AwaitingThirdParty));

        var answered = await market.Operator.PostJsonAsync<ComplaintView>($"{path}/third-party-responses", new { answer = "Refund released" });
        Assert.That((answered.Status, answered.Holder.Id), Is.EqualTo((ComplaintStatus.InProgress, "acme")));
        var timeline = await market.Operator.GetJsonAsync<Features.Complaints.Timeline.Response>($"{path}/timeline");
        Assert.That(timeline.Events.Select(e => e.Type).TakeLast(2), Is.EqualTo(new[] { "third_party_wait_started", "third_party_responded" }));
    }

    [Test]
    public async Task The_end_of_a_wait_moves_the_holders_resolution_deadline_later_by_the_time_waited()
    {
        var id = Guid.Parse(path.Split('/')[^1]);
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/acknowledgement", null);
        var before = await ResolutionDeadlineAsync(id);
        var timeline = await market.TimelineAsync(id);
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/third-party-waits", new { thirdParty = "Carrier" });
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/third-party-responses", new { answer = "Found it" });
        var waited = (await market.TimelineAsync(id)).Skip(timeline.Count).ToList();

        var after = await ResolutionDeadlineAsync(id);
        Assert.That(after - before, Is.EqualTo(waited[1].At - waited[0].At).Within(TimeSpan.FromMilliseconds(1)));
    }

    private async Task<DateTimeOffset> ResolutionDeadlineAsync(Guid complaint)
    {
        await using var query = ServiceUnderTest.Services.GetRequiredService<IDocumentStore>().QuerySession(market.Id);
        var clocks = await DeadlineTable.FindAsync(query, complaint, CancellationToken.None);
        return clocks!.Of(DeadlineKind.Resolution).Deadline.DueAt;
    }

    [Test]
    public async Task Handing_the_complaint_on_ends_the_wait()
    {
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/third-party-waits", new { thirdParty = "Carrier" });
        var moved = await market.Acme.PostJsonAsync<ComplaintView>($"{path}/handoffs", new { to = "photon", reason = "NeedsVendorFix" });
        Assert.That((moved.Status, moved.Holder.Id), Is.EqualTo((ComplaintStatus.Open, "photon")));
    }

    [Test]
    public async Task The_operator_cancels_a_withdrawn_complaint_which_ends_it_until_reopened()
    {
        var cancelled = await market.Operator.PostJsonAsync<ComplaintView>($"{path}/cancellation", new { reason = "The customer found the setting" });
        Assert.That(cancelled.Status, Is.EqualTo(ComplaintStatus.Cancelled));
        Assert.That(cancelled.ClosedAt, Is.Not.Null);
        Assert.That(cancelled.Flags, Is.Empty, "a withdrawal blames nobody");

        using (var refused = await market.Acme.PostAsync($"{path}/acknowledgement"))
            await refused.ShouldBeProblemAsync(409, "complaint-closed");
        var reopened = await market.Operator.PostJsonAsync<ComplaintView>($"{path}/reopening", new { reason = "It is back" });
        Assert.That((reopened.Status, reopened.Holder.Id), Is.EqualTo((ComplaintStatus.Open, "acme")));
    }

    [TestCase("operator", "{\"thirdParty\":\"Carrier\"}", 409, "not-the-holder", null, TestName = "Only the holder starts a wait")]
    [TestCase("acme", "{\"reason\":\"Refund stuck\"}", 400, "validation", "thirdParty", TestName = "A wait names who is waited on")]
    [TestCase("acme", "{\"thirdParty\":\"Carrier\",\"reason\":\"\\u0000\"}", 400, "validation", "reason", TestName = "A wait's reason is storable text")]
    public async Task A_refused_wait_changes_nothing(string who, string body, int status, string kind, string? field) =>
        await RefusedAsync(who, "third-party-waits", body, status, kind, field);

    [Test]
    public async Task Waiting_twice_is_refused_and_changes_nothing()
    {
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/third-party-waits", new { thirdParty = "Carrier" });
        await RefusedAsync("acme", "third-party-waits", "{\"thirdParty\":\"Carrier\"}", 409, "already-awaiting-third-party", null);
    }

    [TestCase("acme", "{\"answer\":\"Released\"}", 409, "not-awaiting-third-party", null, TestName = "An answer needs a wait")]
    public async Task A_refused_answer_with_no_wait_changes_nothing(string who, string body, int status, string kind, string? field) =>
        await RefusedAsync(who, "third-party-responses", body, status, kind, field);

    [TestCase("photon", "{\"answer\":\"Released\"}", 404, "not-found", null, TestName = "A vendor that never held the complaint cannot record the answer")]
    [TestCase("acme", "{\"answer\":\"\"}", 400, "validation", "answer", TestName = "An answer is not empty")]
    public async Task A_refused_answer_to_a_wait_changes_nothing(string who, string body, int status, string kind, string? field)
    {
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/third-party-waits", new { thirdParty = "Carrier" });
        await RefusedAsync(who, "third-party-responses", body, status, kind, field);
    }

    [TestCase("acme", "{\"reason\":\"Withdrawn\"}", 403, "forbidden", null, TestName = "Only the operator cancels")]
    [TestCase("operator", "{}", 400, "validation", "reason", TestName = "A cancellation gives the reason")]
    public async Task A_refused_cancellation_changes_nothing(string who, string body, int status, string kind, string? field) =>
        await RefusedAsync(who, "cancellation", body, status, kind, field);

    [Test]
    public async Task A_resolved_complaint_is_closed_not_cancelled()
    {
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Patch" });
        await RefusedAsync("operator", "cancellation", "{\"reason\":\"Withdrawn\"}", 409, "already-resolved", null);
    }

    [Test]
    public async Task A_cancelled_complaint_cannot_be_cancelled_again_or_waited_on()
    {
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/cancellation", new { reason = "Withdrawn" });
        await RefusedAsync("operator", "cancellation", "{\"reason\":\"Withdrawn\"}", 409, "complaint-closed", null);
        await RefusedAsync("acme", "third-party-waits", "{\"thirdParty\":\"Carrier\"}", 409, "complaint-closed", null);
    }

    /// <summary>Sends one defective request and checks the answer names the defect and the complaint's stream did not move.</summary>
    private async Task RefusedAsync(string who, string action, string body, int status, string kind, string? field)
    {
        var before = await market.Operator.GetJsonAsync<ComplaintView>(path);
        var client = who switch { "acme" => market.Acme, "photon" => market.Photon, _ => market.Operator };
        using var response = await client.PostRawAsync($"{path}/{action}", body);
        var problem = await response.ShouldBeProblemAsync(status, kind);
        if (field is not null)
            Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { field }));
        var after = await market.Operator.GetJsonAsync<ComplaintView>(path);
        Assert.That((after.Version, after.Status), Is.EqualTo((before.Version, before.Status)), "a refused command changes nothing");
    }
}
