using Accountability.Api.Features.RecurringProblems.List;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.RecurringProblems;

/// <summary>Recurring problems a page at a time, with a cursor, as complaints are.</summary>
[Category("api")]
public sealed class RecurringProblemPagingTests
{
    [Test]
    public async Task Problems_come_a_page_at_a_time_newest_first_each_exactly_once()
    {
        var market = await Marketplace.CreateAsync();
        var opened = new List<Guid>();
        for (var i = 0; i < 5; i++)
            opened.Add((await market.OpenProblemAsync(RecurringProblemSteps.NewProduct())).Id);

        var (seen, pages, cursor) = (new List<Guid>(), 0, (string?)null);
        do
        {
            var page = await market.Operator.GetJsonAsync<Response>($"/api/problems?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Items.Select(p => p.Id));
            (cursor, pages) = (page.NextCursor, pages + 1);
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(opened)));
    }

    [Test]
    public async Task A_cursor_the_API_did_not_return_is_refused_naming_the_cursor()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Operator.GetAsync("/api/problems?cursor=not-a-cursor");
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "cursor" }));
    }
}
