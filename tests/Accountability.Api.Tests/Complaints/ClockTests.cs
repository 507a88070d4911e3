using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;
using Npgsql;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Complaints;

/// <summary>
/// Every running clock of a complaint in its answer and its list item: what is owed, who must act, when, the time left,
/// paused or not. The default policy gives the store 8 hours to respond and 72 to resolve a medium complaint, a vendor 24 and 120.
/// </summary>
[Category("api")]
public sealed class ClockTests
{
    [Test]
    public async Task A_new_complaint_shows_the_holders_two_clocks_as_the_scheduler_holds_them()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        var filed = await market.FileAsync();
        var now = clock.GetUtcNow();

        var clocks = await ClocksAsync(market, filed.Id);

        Assert.That(clocks.Select(c => (c.Kind, c.MustAct.Id, c.SecondsLeft, c.Paused, c.Overdue)), Is.EqualTo(new[]
        {
            (DeadlineKind.FirstResponse, "store", 8 * 3600L, false, false),
            (DeadlineKind.Resolution, "store", 72 * 3600L, false, false),
        }));
        Assert.That(clocks.Select(c => c.DueAt), Is.EqualTo(new[] { now.AddHours(8), now.AddHours(72) }));
        Assert.That(clocks.Select(c => c.DueAt), Is.EqualTo((await SchedulersClocksAsync(node, filed.Id)).Clocks.Select(c => c.Deadline.DueAt)),
            "the scheduler fires them at the times shown");
        Assert.That(clocks[0].MustAct.DisplayName, Is.EqualTo("Test Store"));
    }

    [Test]
    public async Task Acknowledging_ends_the_first_response_clock_and_waiting_on_the_customer_pauses_the_other()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/acknowledgement", null);
        clock.Advance(TimeSpan.FromHours(2));

        var running = (await ClocksAsync(market, held.Id)).Single();
        Assert.That((running.Kind, running.MustAct.Id, running.SecondsLeft, running.Paused), Is.EqualTo((DeadlineKind.Resolution, "acme", 118 * 3600L, false)));

        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/information-requests", new { question = "Which version?" });
        clock.Advance(TimeSpan.FromHours(30));

        var paused = (await ClocksAsync(market, held.Id)).Single();
        Assert.That((paused.Kind, paused.SecondsLeft, paused.Paused, paused.Overdue), Is.EqualTo((DeadlineKind.Resolution, 118 * 3600L, true, false)),
            "the time left stands still while the customer has the next move");
        Assert.That(paused.DueAt, Is.EqualTo(clock.GetUtcNow().AddHours(118)), "due as if the clock ran again now");
    }

    [Test]
    public async Task A_clock_past_its_deadline_is_overdue_with_negative_time_left()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        var filed = await market.FileAsync();
        clock.Advance(TimeSpan.FromHours(9));

        var clocks = await ClocksAsync(market, filed.Id);

        Assert.That(clocks.Select(c => (c.Kind, c.SecondsLeft, c.Overdue)), Is.EqualTo(new[]
        {
            (DeadlineKind.FirstResponse, -3600L, true),
            (DeadlineKind.Resolution, 63 * 3600L, false),
        }));
    }

    [Test]
    public async Task A_resolved_complaint_runs_no_clock()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/resolution", new { rootCause = "Billing", liableParty = "store", remedy = "Refunded" });

        Assert.That(await ClocksAsync(market, filed.Id), Is.Empty);
    }

    /// <summary>The complaint's clocks from its answer, checked to be those of its list item.</summary>
    private static async Task<IReadOnlyList<ClockView>> ClocksAsync(Marketplace market, Guid id)
    {
        var one = (await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Clocks!;
        var item = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints?limit=200")).Items.Single(c => c.Id == id);
        Assert.That(item.Clocks, Is.EqualTo(one), "the list item shows the same clocks");
        return one;
    }

    private static async Task<DeadlineClocks> SchedulersClocksAsync(IsolatedNode node, Guid complaint)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"select clocks::text from {node.Schema}.{DeadlineTable.Name} where complaint_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = complaint });
        return DeadlineTable.Deserialize((string)(await command.ExecuteScalarAsync())!);
    }
}
