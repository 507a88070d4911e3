using Accountability.Api.Features.Complaints;
using Accountability.Api.Persistence;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;
using Npgsql;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;
using RejudgeResponse = Accountability.Api.Features.Policies.Rejudge.Response;

namespace Accountability.Api.Tests.Complaints;

/// <summary>The list's own rows: one statement of each write's batch, kept by the writes outside the commands, filled in for complaints written before.</summary>
[Category("api")]
public sealed class ListRowTests
{
    [Test]
    public async Task A_handoff_writes_the_complaints_list_row_in_one_statement_of_its_batch()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();
        var commands = await HandoffCommands.OfAsync(market, filed.Id);

        var statements = HandoffCommands.WriteBatch(commands);
        Assert.That(statements.Count(s => s.Contains(ComplaintListTable.Name)), Is.EqualTo(1));
        Assert.That(commands.Count(c => c.Contains(ComplaintListTable.Name)), Is.EqualTo(1), "the write reads nothing of the list");
    }

    [Test]
    public async Task Rejudging_the_history_moves_a_complaint_into_the_list_of_its_new_flag()
    {
        var market = await Marketplace.CreateAsync();
        await BounceRuleAsync(market, enabled: false);
        var bounced = await market.FileAsync();
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{bounced.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{bounced.Id}/handoffs", new { to = "store", reason = "NeedsStoreAction" });
        Assert.That(await IdsAsync(market, $"flagged={RuleIds.Bounce}"), Is.Empty);

        await BounceRuleAsync(market, enabled: true);
        await market.Operator.PostJsonAsync<RejudgeResponse>("/api/policy/rejudge", new { });

        Assert.That(await IdsAsync(market, $"flagged={RuleIds.Bounce}"), Is.EqualTo(new[] { bounced.Id }));
    }

    [Test]
    public async Task Complaints_written_before_the_list_had_rows_get_them_when_a_node_starts()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var api = IsolatedNode.Start(clock: clock);
        var market = await api.CreateMarketplaceAsync();
        var pingPong = await Dashboard.DashboardVisitor.PingPongAsync(market);
        var filed = await market.FileAsync();
        var before = await market.Operator.GetJsonAsync<ListResponse>("/api/complaints");
        await ExecuteAsync(api, $"delete from {api.Schema}.{ComplaintListTable.Name}");
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);

        await using (IsolatedNode.Start(clock: clock, schema: api.Schema))
            await Eventually.UntilAsync(() => market.Operator.GetJsonAsync<ListResponse>("/api/complaints"), page => page.Items.Count == 2, "the rows written again");

        var after = await market.Operator.GetJsonAsync<ListResponse>("/api/complaints");
        Assert.That(after.Items.Select(c => (c.Id, c.Status, c.Holder, c.Accountable, c.FlaggedRules.Count, c.Clocks!.Count)),
            Is.EqualTo(before.Items.Select(c => (c.Id, c.Status, c.Holder, c.Accountable, c.FlaggedRules.Count, c.Clocks!.Count))));
        Assert.That(after.Items.Select(c => c.Id), Is.EqualTo(new[] { filed.Id, pingPong.Id }));
        Assert.That(await IdsAsync(market, "flagged=ping-pong&escalated=true"), Is.EqualTo(new[] { pingPong.Id }));
    }

    private static async Task BounceRuleAsync(Marketplace market, bool enabled)
    {
        var policy = PolicyJson.Editable();
        policy["bounce"]!["enabled"] = enabled;
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private static async Task ExecuteAsync(IsolatedNode node, string sql)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<IReadOnlyList<Guid>> IdsAsync(Marketplace market, string query) =>
        [.. (await market.Operator.GetJsonAsync<ListResponse>($"/api/complaints?{query}")).Items.Select(c => c.Id)];
}
