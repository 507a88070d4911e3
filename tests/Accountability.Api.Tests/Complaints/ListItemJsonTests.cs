using System.Text.Json.Nodes;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Persistence;
using Accountability.Api.Tests.Dashboard;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Complaints;

/// <summary>
/// The list writes its items from the rows' stored JSON (decision 0040): each item must be what the complaint's own answer
/// says, without its flags and charges (a single complaint's read only), in every state the list shows: running, overdue and paused clocks, two holders' time, an
/// escalation, a resolved complaint, text the API escapes, a claim in a three-decimal currency.
/// </summary>
[Category("api")]
public sealed class ListItemJsonTests
{
    [Test]
    public async Task Each_item_is_the_complaints_own_answer_without_its_flags_and_charges()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        var plain = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", new
        {
            customerReference = "cust <1> & \"2\"", product = "Photo Pro + ünïcode ✓", vendorId = "acme", category = "crash",
            description = "Crashes: 'é' </script> \\ \u2028", channel = "App", claim = new { amount = 1234.5m, currency = "BHD" },
        }, 201);
        clock.Advance(TimeSpan.FromHours(1));
        var held = await market.FileHeldByAsync();
        clock.Advance(TimeSpan.FromHours(2));
        var paused = await market.FileHeldByAsync();
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{paused.Id}/acknowledgement", null);
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{paused.Id}/information-requests", new { question = "Which version?" });
        clock.Advance(TimeSpan.FromMinutes(1));
        var escalated = await DashboardVisitor.PingPongAsync(market);
        clock.Advance(TimeSpan.FromMinutes(1));
        var resolved = await market.FileAsync();
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{resolved.Id}/resolution",
            new { rootCause = "Billing", liableParty = "store", remedy = "Refunded" });
        clock.Advance(TimeSpan.FromHours(30));

        var page = JsonNode.Parse(await TextAsync(market.Operator, "/api/complaints?limit=200"))!.AsObject();
        var items = page["items"]!.AsArray();
        Assert.That(items.Select(i => i!["id"]!.GetValue<Guid>()), Is.EqualTo(new[] { resolved.Id, escalated.Id, paused.Id, held.Id, plain.Id }));
        Assert.That(page.Select(p => p.Key), Is.EqualTo(new[] { "items", "nextCursor" }));
        Assert.That(page["nextCursor"], Is.Null);
        foreach (var item in items)
        {
            var one = JsonNode.Parse(await TextAsync(market.Operator, $"/api/complaints/{item!["id"]}"))!.AsObject();
            Assert.That(one.Remove("flags") && one.Remove("charges"), Is.True);
            Assert.That(JsonNode.DeepEquals(item, one), Is.True, $"list item:\n{item.ToJsonString()}\nthe complaint's answer:\n{one.ToJsonString()}");
            Assert.That(item.AsObject().Select(p => p.Key), Is.EqualTo(one.Select(p => p.Key)), "in the same order");
        }
    }

    [Test]
    public async Task Rows_an_earlier_version_stored_as_jsonb_are_kept_when_a_node_starts()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var api = IsolatedNode.Start(clock: clock);
        var market = await api.CreateMarketplaceAsync();
        await DashboardVisitor.PingPongAsync(market);
        await market.FileHeldByAsync();
        var before = await TextAsync(market.Operator, "/api/complaints");
        await ExecuteAsync(api, $"alter table {api.Schema}.{ComplaintListTable.Name} alter column item type jsonb using item::jsonb");

        await using (IsolatedNode.Start(clock: clock, schema: api.Schema))
            Assert.That(await ItemTypeAsync(api), Is.EqualTo("json"), "the node's schema check turned the column back");

        Assert.That(await TextAsync(market.Operator, "/api/complaints"), Is.EqualTo(before));
    }

    private static async Task<string> TextAsync(ApiClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return text;
    }

    private static async Task ExecuteAsync(IsolatedNode node, string sql)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ItemTypeAsync(IsolatedNode node)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select data_type from information_schema.columns where table_schema = '{node.Schema}' and table_name = '{ComplaintListTable.Name}' and column_name = 'item'");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
