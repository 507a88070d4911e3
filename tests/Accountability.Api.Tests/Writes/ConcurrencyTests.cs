using System.Net;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Writes;

[Category("api")]
public sealed class ConcurrencyTests
{
    [Test]
    public async Task Parallel_handoffs_without_If_Match_never_both_succeed_and_the_stream_stays_consistent()
    {
        var market = await Marketplace.CreateAsync();
        var complaints = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => market.FileAsync()));

        var attempts = complaints.SelectMany(c => Enumerable.Range(0, 20).Select(i => market.Operator.PostAsync(
            $"/api/complaints/{c.Id}/handoffs", new { to = i % 2 == 0 ? "acme" : "photon", reason = "NeedsVendorFix" })));
        var responses = await Task.WhenAll(attempts);

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(5));
        Assert.That(responses.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => (int)r.StatusCode), Has.All.EqualTo(409));
        foreach (var r in responses) r.Dispose();
        foreach (var complaint in complaints)
        {
            var timeline = await market.TimelineAsync(complaint.Id);
            Assert.That(timeline.Select(e => e.Version), Is.EqualTo(new long[] { 1, 2 }));
            var view = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{complaint.Id}");
            Assert.That(view.Version, Is.EqualTo(2));
            Assert.That(view.HandoffCount, Is.EqualTo(1));
        }
    }
}
