using Accountability.Api.Features.Deadlines;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Writes;

/// <summary>A write that starts a hold writes its clocks in one statement of the write's batch, whatever the number of clocks.</summary>
[Category("api")]
public sealed class DeadlineStatementsTests
{
    [Test]
    public async Task A_handoff_writes_the_new_holds_clocks_in_one_statement()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();
        var statements = HandoffCommands.WriteBatch(await HandoffCommands.OfAsync(market, filed.Id));
        TestContext.Out.WriteLine($"The handoff's write batch: {statements.Length} statements");
        foreach (var statement in statements)
            TestContext.Out.WriteLine($"  {statement[..Math.Min(90, statement.Length)].ReplaceLineEndings(" ")}");
        Assert.That(statements.Count(s => s.Contains(DeadlineTable.Name)), Is.EqualTo(1), "both deadlines and both warnings, one row");
    }
}
