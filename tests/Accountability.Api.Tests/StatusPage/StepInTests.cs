using System.Net;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;
using static Accountability.Api.Tests.StatusPage.StatusPageTests;

namespace Accountability.Api.Tests.StatusPage;

/// <summary>The customer asks the store to step in from the status page: offered only when allowed, once per episode, flagged, and the store takes over.</summary>
[Category("api")]
public sealed class StepInTests
{
    [Test]
    public async Task After_a_bounce_the_customer_asks_the_store_to_step_in_and_the_store_takes_it_over()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await BouncedAsync(market);
        var page = await customer.ReadAsync();
        Assert.That(page, Does.Contain("action=\"" + customer.Path + "/step-in\"").And.Contain("You can ask Test Store to step in below."));

        var seal = Customer.SealOf(page);
        using (var sent = await customer.SendAsync("step-in", seal: seal))
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(sent.Headers.Location!.ToString(), Is.EqualTo($"{customer.Path}?done=step-in"));
        }
        using (var again = await customer.SendAsync("step-in", seal: seal))
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), "the same form sent twice replays the first");

        var complaint = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
        Assert.That((complaint.Holder.Id, complaint.Accountable.Id), Is.EqualTo(("store", "store")));
        var flag = complaint.Flags!.Single(f => f.Rule == RuleIds.StepInRequested);
        Assert.That(flag.Sentence, Is.EqualTo("The customer asked Test Store to step in while Acme Apps held the complaint, after 1 flag in this episode: bounce."));
        Assert.That(flag.Charged, Is.EqualTo(new[] { "acme" }));
        var timeline = (await market.TimelineAsync(id)).Select(e => (e.Type, e.By)).ToList();
        Assert.That(timeline.Count(e => e.Type == "step_in_requested"), Is.EqualTo(1));
        Assert.That(timeline.SkipWhile(e => e.Type != "step_in_requested").Select(e => e.Type),
            Is.EqualTo(new[] { "step_in_requested", "flag_raised", "complaint_escalated", "complaint_taken_over" }));
        Assert.That(timeline.Single(e => e.Type == "step_in_requested").By, Is.EqualTo("customer"));

        var after = await customer.ReadAsync();
        Assert.That(after, Does.Contain("Handled by Test Store").And.Contain("Test Store stepped in and took it over from Acme Apps.")
            .And.Contain("You asked Test Store to step in on").And.Contain("Test Store will pick it up by")
            .And.Contain("Test Store has taken this complaint over from Acme Apps and Photon Devices"));
        Assert.That(after, Does.Not.Contain("/step-in\""), "asked once: the form is no longer offered");
    }

    [Test]
    public async Task Asking_when_it_is_not_allowed_is_refused_with_a_clear_message_and_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        var page = await customer.ReadAsync();
        Assert.That(page, Does.Not.Contain("/step-in\""), "nothing went wrong yet: no form");
        var before = (await market.TimelineAsync(id)).Count;

        using (var refused = await customer.SendAsync("step-in", seal: Customer.SealOf(await AnswerableAsync(market, customer, id))))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("The store can be asked to step in only once your complaint has been passed back and forth"));
        }
        using (var json = await customer.SendAsync("step-in", seal: Customer.SealOf(await customer.ReadAsync()), alter: r =>
               {
                   r.Headers.Accept.Clear();
                   r.Headers.Accept.ParseAdd("application/json");
               }))
            await json.ShouldBeProblemAsync(409, "step-in-not-allowed");
        Assert.That((await market.TimelineAsync(id)).Count, Is.EqualTo(before + 1), "only the question asked here was added");
    }

    [Test]
    public async Task Asking_a_second_time_in_the_same_episode_is_refused_and_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await BouncedAsync(market);
        using (await customer.SendAsync("step-in")) { }
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version?" });
        var page = await customer.ReadAsync();
        Assert.That(page, Does.Not.Contain("/step-in\""));
        var version = (await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Version;

        // A form sealed at this later version is a new request, not a replay of the first: refused.
        using (var second = await customer.SendAsync("step-in", seal: Customer.SealOf(page)))
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("You have already asked the store to step in on this complaint."));
        }
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Version, Is.EqualTo(version));
    }

    [Test]
    public async Task By_policy_the_store_may_leave_the_holder_in_place_the_request_is_still_flagged()
    {
        var market = await Marketplace.CreateAsync();
        var policy = PolicyJson.Editable();
        policy["stepInRequest"]!["storeTakesOver"] = false;
        using (var put = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200), await put.Content.ReadAsStringAsync());
        var (customer, id) = await BouncedAsync(market);
        Assert.That(await customer.ReadAsync(), Does.Contain("You can ask Test Store to step in and see that it is put right."));

        using (await customer.SendAsync("step-in")) { }

        var complaint = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
        Assert.That((complaint.Holder.Id, complaint.Accountable.Id, complaint.FlaggedRules.Contains(RuleIds.StepInRequested)), Is.EqualTo(("acme", "store", true)));
        Assert.That(await customer.ReadAsync(), Does.Contain("Test Store is now responsible for putting it right, and is making sure Acme Apps does."));
    }

    /// <summary>Filed, handed to acme, acme to photon, and photon straight back: a bounce, acme holds it.</summary>
    internal static async Task<(Customer Customer, Guid Id)> BouncedAsync(Marketplace market)
    {
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "photon", reason = "NeedsVendorFix" });
        var bounced = await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        Assert.That(bounced.FlaggedRules, Is.EqualTo(new[] { RuleIds.Bounce }));
        return (customer, id);
    }

    /// <summary>The page once acme asked a question: it offers a form (the answer), so it carries a seal to send.</summary>
    private static async Task<string> AnswerableAsync(Marketplace market, Customer customer, Guid id)
    {
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version?" });
        return await customer.ReadAsync();
    }
}
