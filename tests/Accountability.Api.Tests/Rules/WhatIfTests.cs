using System.Text.Json.Nodes;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;
using WhatIfResponse = Accountability.Api.Features.Policies.WhatIf.Response;

namespace Accountability.Api.Tests.Rules;

[Category("api")]
public sealed class WhatIfTests
{
    [Test]
    public async Task A_candidate_policy_is_replayed_next_to_the_current_one_and_nothing_is_written()
    {
        var market = await Marketplace.CreateAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var bounced = await market.FileAsync();
        var path = $"/api/complaints/{bounced.Id}/handoffs";
        await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>(path, new { to = "store", reason = "NeedsStoreAction" });
        await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" });
        var quiet = await market.FileAsync();
        var before = await market.TimelineAsync(bounced.Id);

        var candidate = PolicyJson.Editable();
        candidate["pingPong"]!["handoffs"] = 4;
        candidate["bounce"]!["enabled"] = false;
        candidate["customerDeflection"]!["enabled"] = false;
        var body = new JsonObject { ["candidate"] = candidate, ["from"] = from.ToString("O"), ["to"] = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O") };
        var result = await market.Operator.PostJsonAsync<WhatIfResponse>("/api/policy/what-if", body);

        Assert.That(result.ComplaintsReplayed, Is.EqualTo(2));
        Assert.That(result.Current.FlagsByRule, Is.EqualTo(new Dictionary<string, int> { [RuleIds.Bounce] = 1, [RuleIds.PingPong] = 1 }));
        Assert.That(result.Candidate.FlagsByRule, Is.Empty);
        var row = result.Complaints.Single();
        Assert.That((row.ComplaintId, row.Current, row.Candidate), Is.EqualTo((bounced.Id, new[] { RuleIds.Bounce, RuleIds.PingPong }, Array.Empty<string>())).Using<(Guid, IReadOnlyList<string>, IReadOnlyList<string>)>(
            (a, b) => a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2) && a.Item3.SequenceEqual(b.Item3)));
        Assert.That(result.Complaints.Select(c => c.ComplaintId), Does.Not.Contain(quiet.Id));

        Assert.That(await market.TimelineAsync(bounced.Id), Has.Count.EqualTo(before.Count));
        Assert.That((await market.Operator.GetJsonAsync<Policy>("/api/policy")).Version, Is.EqualTo(1));
    }

    [Test]
    public async Task A_stricter_candidate_finds_what_the_current_policy_let_pass()
    {
        var market = await Marketplace.CreateAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var filed = await market.FileAsync();
        var path = $"/api/complaints/{filed.Id}/handoffs";
        await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>(path, new { to = "store", reason = "NeedsStoreAction" });

        var candidate = PolicyJson.Editable();
        candidate["pingPong"]!["handoffs"] = 2;
        var body = new JsonObject { ["candidate"] = candidate, ["from"] = from.ToString("O"), ["to"] = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O") };
        var result = await market.Operator.PostJsonAsync<WhatIfResponse>("/api/policy/what-if", body);

        Assert.That(result.Current.FlagsByRule, Is.EqualTo(new Dictionary<string, int> { [RuleIds.Bounce] = 1 }), "one return is a bounce");
        Assert.That(result.Candidate.FlagsByRule, Is.EqualTo(new Dictionary<string, int> { [RuleIds.PingPong] = 1 }));
    }

    [Test]
    public async Task An_invalid_candidate_or_range_is_refused()
    {
        var market = await Marketplace.CreateAsync();
        var candidate = PolicyJson.Editable();
        candidate["churn"]!["handoffs"] = 0;
        var body = new JsonObject { ["candidate"] = candidate, ["from"] = "2026-01-02T00:00:00Z", ["to"] = "2026-01-01T00:00:00Z" };
        using var response = await market.Operator.PostAsync("/api/policy/what-if", body);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.SupersetOf(new[] { "to" }));
        Assert.That(string.Join(" ", problem.Errors.Keys), Does.Contain("churn.handoffs"));
    }
}
