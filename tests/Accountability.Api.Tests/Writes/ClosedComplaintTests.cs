using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Writes;

[Category("api")]
public sealed class ClosedComplaintTests
{
    private static readonly (string Action, object? Body)[] Actions =
    [
        ("handoffs", new { to = "photon", reason = "WrongParty" }),
        ("acknowledgement", null),
        ("assignment", new { to = "photon" }),
        ("customer-redirections", new { redirectedTo = "photon" }),
        ("information-requests", new { question = "Which version?" }),
        ("information", new { answer = "2.0" }),
        ("resolution-proposals", new { summary = "Update" }),
        ("resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Patch" }),
        ("closure", null),
    ];

    [Test]
    public async Task Nothing_but_reopening_is_accepted_after_closing()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{held.Id}";
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Patch" });
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/closure", null);

        foreach (var (action, body) in Actions)
        {
            using var response = await market.Operator.PostAsync($"{path}/{action}", body);
            await response.ShouldBeProblemAsync(409, "complaint-closed");
        }
        Assert.That(await market.TimelineAsync(held.Id), Has.Count.EqualTo(4));
    }
}
