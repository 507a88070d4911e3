using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Writes;

[Category("api")]
public sealed class IdempotencyTests
{
    private static readonly object Complaint = new
    {
        customerReference = "cust-9", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes", channel = "Email",
    };

    [Test]
    public async Task Retrying_a_filing_with_the_same_key_returns_the_first_response_and_files_once()
    {
        var market = await Marketplace.CreateAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await market.Operator.PostAsync("/api/complaints", Complaint, h => h.Add("Idempotency-Key", key));
        using var retry = await market.Operator.PostAsync("/api/complaints", Complaint, h => h.Add("Idempotency-Key", key));

        var original = await first.ShouldBeAsync<ComplaintView>(201);
        var replayed = await retry.ShouldBeAsync<ComplaintView>(201);
        Assert.That(replayed, Is.EqualTo(original).Using<ComplaintView>(SameView));
        Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        var all = await market.Operator.GetJsonAsync<Features.Complaints.List.Response>("/api/complaints");
        Assert.That(all.Items, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Retrying_a_handoff_with_the_same_key_appends_one_event()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();
        var handoff = new { to = "acme", reason = "NeedsVendorFix" };
        for (var i = 0; i < 3; i++)
            await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", handoff, 200, h => h.Add("Idempotency-Key", "handoff-1"));

        Assert.That(await market.TimelineAsync(filed.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Reusing_a_key_for_a_different_request_is_a_422_and_writes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();
        var path = $"/api/complaints/{filed.Id}/handoffs";
        await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" }, 200, h => h.Add("Idempotency-Key", "k"));

        using var response = await market.Operator.PostAsync(path, new { to = "photon", reason = "NeedsVendorFix" }, h => h.Add("Idempotency-Key", "k"));
        await response.ShouldBeProblemAsync(422, "idempotency-key-reused");
        Assert.That(await market.TimelineAsync(filed.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_same_key_from_two_parties_does_not_collide()
    {
        var market = await Marketplace.CreateAsync();
        var a = await market.FileHeldByAsync("acme");
        var p = await market.FileHeldByAsync("photon");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{a.Id}/acknowledgement", null, 200, h => h.Add("Idempotency-Key", "same"));
        await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{p.Id}/acknowledgement", null, 200, h => h.Add("Idempotency-Key", "same"));

        Assert.That(await market.TimelineAsync(p.Id), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_replayed_key_creation_never_shows_the_secret_again()
    {
        var market = await Marketplace.CreateAsync();
        var body = new { partyId = "acme", name = "ci" };
        var first = await market.Operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", body, 201, h => h.Add("Idempotency-Key", "key-1"));
        var replay = await market.Operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", body, 201, h => h.Add("Idempotency-Key", "key-1"));

        Assert.That(first.Key, Does.StartWith("acc_"));
        Assert.That(replay.Id, Is.EqualTo(first.Id));
        Assert.That(replay.Key, Is.Null);
    }

    private static bool SameView(ComplaintView a, ComplaintView b) =>
        a.Id == b.Id && a.Version == b.Version && a.Holder == b.Holder && a.FiledAt == b.FiledAt && a.TimeHeld.SequenceEqual(b.TimeHeld);
}
