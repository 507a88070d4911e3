using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.RecurringProblems;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>Who is told what (docs/webhooks.md, "Who is told"), at real receivers on loopback, each delivery's signature checked.</summary>
[Category("api")]
public sealed class AccountabilityNoticeTests
{
    private static readonly string[] ComplaintTypes =
        [WebhookEventTypes.AccountabilityChanged, WebhookEventTypes.Flagged, WebhookEventTypes.Escalated, WebhookEventTypes.Assigned];

    [Test]
    public async Task The_store_registers_like_a_vendor_and_is_told_when_an_escalation_makes_it_accountable_with_why_and_by_when()
    {
        await using var storeReceiver = await Receiver.StartAsync();
        await using var acmeReceiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        var storeHook = await market.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = storeReceiver.Url, eventTypes = ComplaintTypes }, 201);
        var acmeHook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = acmeReceiver.Url, eventTypes = ComplaintTypes }, 201);
        Assert.That(storeHook.Endpoint.PartyId, Is.EqualTo("store"));

        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store" });

        // The store: accountable on filing, then the flag (it is told of every flag), the escalation and accountable again.
        var store = Verified(await storeReceiver.WaitForAsync(4), storeHook.Secret!);
        Assert.That(store.Select(p => p.GetProperty("type").GetString()), Is.EqualTo(new[]
        {
            WebhookEventTypes.AccountabilityChanged, WebhookEventTypes.Flagged, WebhookEventTypes.Escalated, WebhookEventTypes.AccountabilityChanged,
        }));
        // Acme: assigned and accountable on the handoff (two types, one event), then the flag charged to it and the escalation.
        var acme = Verified(await acmeReceiver.WaitForAsync(4), acmeHook.Secret!);
        Assert.That(acme.Select(p => p.GetProperty("type").GetString()), Is.EqualTo(new[]
        {
            WebhookEventTypes.Assigned, WebhookEventTypes.AccountabilityChanged, WebhookEventTypes.Flagged, WebhookEventTypes.Escalated,
        }));

        var flags = await market.Operator.GetJsonAsync<Features.Complaints.Flags.Response>($"/api/complaints/{held.Id}/flags");
        var flagged = store[1];
        Assert.That(flagged.GetProperty("reason").GetString(), Is.EqualTo(flags.Flags.Single().Sentence));
        var storeAccountable = store[3];
        Assert.That((storeAccountable.GetProperty("eventName").GetString(), storeAccountable.GetProperty("reason").GetString()),
            Is.EqualTo(("complaint_escalated", flags.Escalation!.Reason)));
        Assert.That(storeAccountable.GetProperty("complaint").GetProperty("accountable").GetString(), Is.EqualTo("store"));
        var next = storeAccountable.GetProperty("complaint").GetProperty("nextStepDue");
        Assert.That((next.GetProperty("deadline").GetString(), next.GetProperty("party").GetString()), Is.EqualTo(("FirstResponse", "acme")));
        Assert.That(next.GetProperty("dueAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow));

        await node.RunDispatcherPassAsync();
        Assert.That((storeReceiver.Requests.Count, acmeReceiver.Requests.Count), Is.EqualTo((4, 4)), "no party gets the same delivery twice");
    }

    [Test]
    public async Task A_deadline_that_escalates_tells_the_store_it_is_now_accountable_and_why()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runScheduler: true, runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        var policy = PolicyJson.WithDeadlines(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), escalates: true);
        using (var put = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));
        var hook = await market.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = receiver.Url, eventTypes = new[] { WebhookEventTypes.AccountabilityChanged } }, 201);

        var held = await market.FileHeldByAsync("acme");
        // Filed by the store (it holds a complaint when it is filed), then made accountable by the missed deadline.
        var told = Verified(await receiver.WaitForAsync(2), hook.Secret!);

        var escalation = (await market.Operator.GetJsonAsync<Features.Complaints.Flags.Response>($"/api/complaints/{held.Id}/flags")).Escalation!;
        Assert.That(told.Select(p => p.GetProperty("eventName").GetString()), Is.EqualTo(new[] { "complaint_filed", "complaint_escalated" }));
        Assert.That((told[1].GetProperty("reason").GetString(), told[1].GetProperty("complaint").GetProperty("accountable").GetString()),
            Is.EqualTo((escalation.Reason, "store")));
        Assert.That(escalation.Rule, Is.EqualTo("stalled-holder"));
    }

    [Test]
    public async Task The_payload_names_its_event_as_the_timeline_does_links_absolutely_and_a_receiver_written_for_version_1_still_reads_it()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        var held = await market.FileHeldByAsync("acme");
        var received = Verified(await receiver.WaitForAsync(1), hook.Secret!).Single();

        var timeline = await market.Operator.GetJsonAsync<Features.Complaints.Timeline.Response>($"/api/complaints/{held.Id}/timeline");
        var version = received.GetProperty("complaintVersion").GetInt64();
        Assert.That(received.GetProperty("eventName").GetString(), Is.EqualTo(timeline.Events.Single(e => e.Version == version).Type));
        Assert.That(received.GetProperty("version").GetInt32(), Is.EqualTo(2));
        var links = received.GetProperty("links");
        // No public address is configured here, so the links start with the address the node listens on.
        var complaintLink = new Uri(links.GetProperty("complaint").GetString()!, UriKind.Absolute);
        Assert.That((complaintLink.Scheme, complaintLink.Port, complaintLink.AbsolutePath), Is.EqualTo(("http", node.Http.BaseAddress!.Port, $"/api/complaints/{held.Id}")));
        Assert.That(links.GetProperty("timeline").GetString(), Does.EndWith($"/api/complaints/{held.Id}/timeline").And.StartWith("http://"));

        var v1 = JsonSerializer.Deserialize<VersionOnePayload>(received.GetRawText(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.That((v1.Type, v1.ComplaintId, v1.ComplaintVersion, v1.Event, v1.Complaint.Holder, v1.Complaint.Accountable, v1.Complaint.Status, v1.Link),
            Is.EqualTo(("complaint.assigned", held.Id, version, "ComplaintHandedOff", "acme", "acme", "Open", $"/api/complaints/{held.Id}")));
        Assert.That((v1.Id, v1.Tenant, v1.Data.GetProperty("to").GetString()), Is.EqualTo((received.GetProperty("id").GetString(), market.Id, "acme")));
    }

    [Test]
    public async Task A_problems_owner_and_the_store_follow_it_and_each_linked_complaints_holder_and_the_store_are_told_of_its_fix()
    {
        await using var storeReceiver = await Receiver.StartAsync();
        await using var acmeReceiver = await Receiver.StartAsync();
        await using var photonReceiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        string[] problemTypes =
        [
            WebhookEventTypes.ProblemOpened, WebhookEventTypes.ProblemOwnerAssigned, WebhookEventTypes.ProblemRootCauseRecorded,
            WebhookEventTypes.ProblemResolved, WebhookEventTypes.FixProposed,
        ];
        var storeHook = await market.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = storeReceiver.Url, eventTypes = problemTypes }, 201);
        var acmeHook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = acmeReceiver.Url, eventTypes = problemTypes }, 201);
        var photonHook = await market.Photon.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = photonReceiver.Url, eventTypes = problemTypes }, 201);

        var atAcme = await market.FileHeldByAsync("acme");
        var atPhoton = await market.FileHeldByAsync("photon");
        var problem = await market.OpenProblemAsync(RecurringProblemSteps.NewProduct());
        await market.LinkAsync(problem.Id, atAcme.Id);
        await market.LinkAsync(problem.Id, atPhoton.Id);
        await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/owner", new { owner = "acme" });
        await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/root-cause", new { rootCause = "ProductDefect", explanation = "A null camera" });
        await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/resolution", new { fix = "Update to 2.1" });

        var store = Verified(await storeReceiver.WaitForAsync(6), storeHook.Secret!);
        Assert.That(store.Select(Summary), Is.EquivalentTo(new[]
        {
            ("problem.opened", problem.Id), ("problem.owner_assigned", problem.Id), ("problem.root_cause_recorded", problem.Id),
            ("problem.resolved", problem.Id), ("complaint.fix_proposed", atAcme.Id), ("complaint.fix_proposed", atPhoton.Id),
        }));
        var problemDeliveries = store.Where(p => p.TryGetProperty("problemId", out _)).ToList();
        problemDeliveries.ForEach(MatchesProblemSchema);
        Assert.That(problemDeliveries.Select(p => p.GetProperty("problemVersion").GetInt64()), Is.Ordered, "in the problem's order");
        Assert.That(problemDeliveries[^1].GetProperty("reason").GetString(), Is.EqualTo("Update to 2.1"));
        Assert.That(problemDeliveries[^1].GetProperty("links").GetProperty("problem").GetString(), Does.StartWith("http://").And.EndWith($"/api/problems/{problem.Id}"));

        var acme = Verified(await acmeReceiver.WaitForAsync(4), acmeHook.Secret!);
        Assert.That(acme.Select(Summary), Is.EquivalentTo(new[]
        {
            ("problem.owner_assigned", problem.Id), ("problem.root_cause_recorded", problem.Id), ("problem.resolved", problem.Id),
            ("complaint.fix_proposed", atAcme.Id),
        }));
        var photon = Verified(await photonReceiver.WaitForAsync(1), photonHook.Secret!);
        Assert.That(photon.Select(Summary), Is.EqualTo(new[] { ("complaint.fix_proposed", atPhoton.Id) }));
        Assert.That((photon[0].GetProperty("event").GetString(), photon[0].GetProperty("reason").GetString()), Is.EqualTo(("ResolutionProposed", "Update to 2.1")));

        await node.RunDispatcherPassAsync();
        Assert.That((storeReceiver.Requests.Count, acmeReceiver.Requests.Count, photonReceiver.Requests.Count), Is.EqualTo((6, 4, 1)));
    }

    /// <summary>The body has every property openapi/problem-webhook-payload.schema.json requires, and values its enums allow.</summary>
    private static void MatchesProblemSchema(JsonElement payload)
    {
        var path = Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), "openapi", "problem-webhook-payload.schema.json");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        var properties = schema.RootElement.GetProperty("properties");
        foreach (var required in schema.RootElement.GetProperty("required").EnumerateArray().Select(r => r.GetString()!))
            Assert.That(payload.TryGetProperty(required, out _), Is.True, $"payload lacks '{required}'");
        foreach (var name in new[] { "type", "event", "eventName" })
            Assert.That(properties.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()), Does.Contain(payload.GetProperty(name).GetString()));
        foreach (var required in properties.GetProperty("problem").GetProperty("required").EnumerateArray().Select(r => r.GetString()!))
            Assert.That(payload.GetProperty("problem").TryGetProperty(required, out _), Is.True, $"problem lacks '{required}'");
    }

    private static (string?, Guid) Summary(JsonElement p) =>
        (p.GetProperty("type").GetString(), p.TryGetProperty("problemId", out var problem) ? problem.GetGuid() : p.GetProperty("complaintId").GetGuid());

    /// <summary>The bodies, in arrival order, each after checking its Standard Webhooks signature with the endpoint's secret.</summary>
    private static List<JsonElement> Verified(IReadOnlyList<Receiver.Received> received, string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        foreach (var r in received)
        {
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{r.Id}.{r.Timestamp}.{r.Body}")));
            Assert.That(r.Signature.Split(' '), Does.Contain(expected), $"signature of {r.Id}");
        }
        return [.. received.Select(r => JsonDocument.Parse(r.Body).RootElement)];
    }

    /// <summary>A receiver's model of the payload as version 1 sent it, with exactly its fields.</summary>
    private sealed record VersionOnePayload(
        string Id, string Type, DateTimeOffset Timestamp, string Tenant, Guid ComplaintId, long ComplaintVersion, string Event, JsonElement Data,
        VersionOneComplaint Complaint, string Link);

    private sealed record VersionOneComplaint(string Holder, string Accountable, string Status);
}
