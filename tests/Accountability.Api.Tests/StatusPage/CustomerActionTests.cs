using System.Net;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Complaints.Timeline;
using Accountability.Api.Tests.Infrastructure;
using static Accountability.Api.Tests.StatusPage.StatusPageTests;

namespace Accountability.Api.Tests.StatusPage;

/// <summary>What the customer does from the page becomes an event in the complaint's stream, once, with the customer as actor.</summary>
[Category("api")]
public sealed class CustomerActionTests
{
    [Test]
    public async Task The_customer_answers_a_question_from_the_page_and_sending_the_form_twice_records_it_once()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version of Photo Pro?" });
        var page = await customer.ReadAsync();
        Assert.That(page, Does.Contain("Waiting for your reply").And.Contain("Which version of Photo Pro?"));

        var seal = Customer.SealOf(page);
        using (var sent = await customer.SendAsync("answer", new() { ["answer"] = "Version 2.1" }, seal))
        {
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(sent.Headers.Location!.ToString(), Is.EqualTo($"{customer.Path}?done=answer"));
        }
        using (var again = await customer.SendAsync("answer", new() { ["answer"] = "Version 2.1" }, seal))
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));

        var answers = (await market.TimelineAsync(id)).Where(e => e.Type == "information_provided").ToList();
        Assert.That(answers, Has.Count.EqualTo(1));
        Assert.That(answers[0].By, Is.EqualTo("customer"));
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Status, Is.EqualTo(Domain.Complaints.ComplaintStatus.InProgress));
        Assert.That(await customer.ReadAsync(), Does.Contain("Your answer was passed on."));
    }

    [Test]
    public async Task A_resolved_complaint_the_customer_says_is_still_broken_is_reopened_and_can_then_be_rated()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await ResolveAsync(market, id);

        using (var broken = await customer.SendAsync("still-broken", new() { ["comment"] = "Crashes again" }))
            Assert.That(broken.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var reopened = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
        Assert.That((reopened.Status, reopened.Holder.Id, reopened.ReopenCount), Is.EqualTo((Domain.Complaints.ComplaintStatus.Open, "acme", 1)));

        await ResolveAsync(market, id);
        using (var rated = await customer.SendAsync("rating", new() { ["stars"] = "4", ["comment"] = "Fixed in the end" }))
            Assert.That(rated.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var timeline = await market.TimelineAsync(id);
        Assert.That(timeline.Where(e => e.By == "customer").Select(e => e.Type), Is.EqualTo(new[] { "complaint_reopened", "complaint_rated" }));
        Assert.That(await customer.ReadAsync(), Does.Contain("You rated the handling 4 out of 5."));
    }

    [Test]
    public async Task A_form_that_is_forged_from_another_site_or_not_allowed_now_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version?" });
        var before = (await market.TimelineAsync(id)).Count;

        using (var unsealed = await customer.SendAsync("rating", new() { ["stars"] = "5" }, seal: "forged"))
        {
            Assert.That(unsealed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unsealed.Content.ReadAsStringAsync(), Does.Contain("This page was open too long"));
        }
        using (var crossSite = await customer.SendAsync("rating", new() { ["stars"] = "5" }, alter: r => r.Headers.Add("Sec-Fetch-Site", "cross-site")))
            Assert.That(crossSite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using (var tooEarly = await customer.SendAsync("rating", new() { ["stars"] = "5" }))
        {
            Assert.That(tooEarly.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await tooEarly.Content.ReadAsStringAsync(), Does.Contain("once the complaint is resolved"));
        }
        using (var badStars = await customer.SendAsync("rating", new() { ["stars"] = "9" }))
            Assert.That(badStars.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var asApp = await customer.SendAsync("rating", new() { ["stars"] = "5" }, alter: r => { r.Headers.Accept.Clear(); r.Headers.Accept.ParseAdd("application/json"); }))
            await asApp.ShouldBeProblemAsync(409, "not-resolved");

        using (var notAForm = await ApiClient.Anonymous.PostRawAsync($"{customer.Path}/rating", "{\"stars\":5}"))
            await notAForm.ShouldBeProblemAsync(415, "unsupported-media-type");
        using (var garbled = await ApiClient.Anonymous.PostRawAsync($"{customer.Path}/rating", "%%%&&&=" + new string('x', 70_000), "application/x-www-form-urlencoded"))
            Assert.That((int)garbled.StatusCode, Is.InRange(400, 413));

        Assert.That((await market.TimelineAsync(id)).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task Neither_the_page_nor_its_JSON_shows_internal_notes_reasons_evidence_flags_or_references()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market, Complaint(description: "SECRET-DESCRIPTION", reference: "SECRET-CUSTOMER-REF"));
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs",
            new { to = "acme", reason = "NeedsVendorFix", note = "SECRET-HANDOFF-NOTE", evidence = new[] { "SECRET-EVIDENCE" } });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "store", reason = "NotOurComponent", note = "SECRET-NOTE-2" });
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        var flagged = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
        Assert.That(flagged.FlaggedRules, Is.Not.Empty, "the scenario must raise flags for the check to mean anything");

        using var json = await customer.OpenAsync("application/json");
        var shown = await customer.ReadAsync() + await json.Content.ReadAsStringAsync();
        string[] internals = ["SECRET-", "NeedsVendorFix", "NotOurComponent", "acme", id.ToString(), "ping-pong", "api_key", "flag", .. flagged.FlaggedRules];
        foreach (var value in internals)
            Assert.That(shown, Does.Not.Contain(value), $"the customer can see '{value}'");
    }

    public static async Task ResolveAsync(Marketplace market, Guid id) =>
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/resolution",
            new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Patched in 2.2" });
}
