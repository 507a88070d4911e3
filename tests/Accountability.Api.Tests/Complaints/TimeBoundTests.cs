using Accountability.Api.Features.Scorecards;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Times;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;
using WhatIfResponse = Accountability.Api.Features.Policies.WhatIf.Response;

namespace Accountability.Api.Tests.Complaints;

/// <summary>A filter's bounds are clamped, never refused and never a 500; a deadline is never further than a year.</summary>
[Category("api")]
public sealed class TimeBoundTests
{
    [TestCase("from=9999-12-31T12:00:00Z")]
    [TestCase("from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z")]
    [TestCase("to=0001-01-01T12:00:00Z")]
    public async Task Scorecards_take_any_representable_bounds(string query)
    {
        var market = await Marketplace.CreateAsync();
        await market.FileHeldByAsync();
        var cards = await market.Operator.GetJsonAsync<PartyScorecards>($"/api/scorecards/parties?{query}");
        Assert.That(new[] { cards.From, cards.To }.Where(t => t is not null), Has.All.InRange(FilterTime.Lowest, FilterTime.Highest));
    }

    [Test]
    public async Task The_complaint_list_and_the_what_if_take_the_widest_bounds()
    {
        var market = await Marketplace.CreateAsync();
        await market.FileAsync();
        var list = await market.Operator.GetJsonAsync<ListResponse>("/api/complaints?openedFrom=0001-01-01T00:00:00Z&openedTo=9999-12-31T23:59:59Z");
        Assert.That(list.Items, Has.Count.EqualTo(1));
        var whatIf = await market.Operator.PostJsonAsync<WhatIfResponse>("/api/policy/what-if",
            new { candidate = PolicyJson.Editable(), from = DateTimeOffset.MinValue, to = DateTimeOffset.MaxValue });
        Assert.That((whatIf.ComplaintsReplayed, whatIf.From, whatIf.To), Is.EqualTo((1, FilterTime.Lowest, FilterTime.Highest)));
    }

    [Test]
    public async Task A_time_that_is_no_instant_at_all_is_a_400_naming_the_parameter()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Operator.GetAsync("/api/scorecards/parties?from=0001-01-01T00:00:00%2B14:00");
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { "from" }));
    }

    [Test]
    public async Task A_policy_deadline_beyond_a_year_is_refused_naming_the_deadlines()
    {
        var market = await Marketplace.CreateAsync();
        var policy = PolicyJson.Editable();
        policy["stalledHolder"]!["deadlines"]![0]!["resolutionHours"] = DueTime.MaxHours + 1;
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { "stalledHolder.deadlines" }));
    }
}
