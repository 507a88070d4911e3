using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Dashboard.ComplaintPage;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;
using Accountability.Api.Tests.Webhooks;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;

namespace Accountability.Api.Tests.Liability;

/// <summary>Money at stake, remedies with money, charges and their reversal (docs/liability.md), over HTTP. One marketplace: each test files its own complaints.</summary>
[Category("api")]
public sealed class ChargeTests
{
    private Marketplace market = null!;

    private static readonly object Claim = new { amount = 19.99m, currency = "EUR" };

    private static object Resolution(object? amount = null, object? bearers = null, string? remedyKind = "Refund") => new
    {
        rootCause = "ProductDefect", liableParty = "acme", remedy = "Refunded the order", remedyKind,
        amount = amount ?? Claim, bearers = bearers ?? new[] { new { party = "acme", basisPoints = 7000 }, new { party = "store", basisPoints = 3000 } },
    };

    [OneTimeSetUp]
    public async Task CreateMarketplace() => market = await Marketplace.CreateAsync();

    [Test]
    public async Task A_remedy_split_70_30_charges_each_bearer_its_part_and_the_complaint_shows_the_claim_and_each_vendor_its_own_charges()
    {
        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", new
        {
            customerReference = "cust-9", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Dead on arrival", channel = "Web", claim = Claim,
        }, 201);
        var path = $"/api/complaints/{filed.Id}";
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/resolution", Resolution());

        var complaint = await market.Operator.GetJsonAsync<ComplaintView>(path);
        Assert.That(complaint.Claim, Is.EqualTo(new Money(19.99m, "EUR")));
        // 19.99 by 70/30: exact 13.993 and 5.997; the cent left over goes to the larger remainder.
        Assert.That(complaint.Charges!.Select(c => (c.Party.Id, c.Amount, c.Cause)), Is.EqualTo(new[]
        {
            ("acme", new Money(13.99m, "EUR"), ChargeCause.Remedy), (Party.StoreId, new Money(6.00m, "EUR"), ChargeCause.Remedy),
        }));
        var timeline = await market.TimelineAsync(filed.Id);
        Assert.That(timeline.Select(e => e.Type).TakeLast(3), Is.EqualTo(new[] { "complaint_resolved", "charge_created", "charge_created" }));
        Assert.That(JsonSerializer.Serialize(timeline[^2].Data, ApiClient.Json), Does.Contain("\"amount\":{\"amount\":13.99,\"currency\":\"EUR\"}"));

        var seenByAcme = await market.Acme.GetJsonAsync<ComplaintView>(path);
        Assert.That(seenByAcme.Charges!.Select(c => c.Party.Id), Is.EqualTo(new[] { "acme" }), "a vendor reads its own charges only");
        var acmeTimeline = (await market.Acme.GetJsonAsync<Features.Complaints.Timeline.Response>($"{path}/timeline")).Events;
        Assert.That(acmeTimeline.Select(e => e.Type).TakeLast(2), Is.EqualTo(new[] { "complaint_resolved", "charge_created" }),
            "nor the store's charge in its timeline");

        // The sealed forms' tokens are random base64 and may spell "EUR": only what the customer reads is checked.
        var page = await new Customer(filed.TrackingLink!).ReadAsync();
        var customer = System.Text.RegularExpressions.Regex.Replace(page, "value=\"[^\"]*\"", "");
        Assert.That(customer, Does.Not.Contain("13.99").And.Not.Contain("6.00").And.Not.Contain("19.99").And.Not.Contain("EUR"),
            "the status page never shows money between parties");
    }

    [Test]
    public async Task The_old_resolution_charges_nobody_and_a_complaint_filed_without_a_claim_has_none()
    {
        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Patch 1.2" });
        var complaint = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}");
        Assert.That((complaint.Claim, complaint.Charges), Is.EqualTo(((Money?)null, Array.Empty<ChargeView>())));
    }

    [Test]
    public async Task The_operator_reverses_a_charge_with_a_replacement_and_neither_a_vendor_nor_a_second_reversal_may()
    {
        var held = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{held.Id}";
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/resolution", Resolution());
        var charge = (await market.Operator.GetJsonAsync<ComplaintView>(path)).Charges![1];
        var reversal = $"{path}/charges/{charge.Id}/reversal";

        using (var byVendor = await market.Acme.PostAsync(reversal, new { reason = "Not our fault" }))
            await byVendor.ShouldBeProblemAsync(403, "forbidden");
        await market.Operator.PostJsonAsync<ComplaintView>(reversal, new { reason = "Photon made the part", replacement = new { party = "photon", amount = new { amount = 6, currency = "EUR" } } });

        var charges = (await market.Operator.GetJsonAsync<ComplaintView>(path)).Charges!;
        Assert.That(charges.Select(c => (c.Party.Id, c.Amount, c.Cause, c.Replaces, c.Reversal?.Reason)), Is.EqualTo(new[]
        {
            ("acme", new Money(13.99m, "EUR"), ChargeCause.Remedy, (Guid?)null, (string?)null),
            (Party.StoreId, new Money(6.00m, "EUR"), ChargeCause.Remedy, null, "Photon made the part"),
            ("photon", new Money(6.00m, "EUR"), ChargeCause.Correction, charge.Id, null),
        }));
        Assert.That((await market.TimelineAsync(held.Id)).Select(e => e.Type).TakeLast(2), Is.EqualTo(new[] { "charge_reversed", "charge_created" }));

        using (var again = await market.Operator.PostAsync(reversal, new { reason = "Twice" }))
            Assert.That((await again.ShouldBeProblemAsync(409, "charge-already-reversed")).Detail, Does.Contain("already reversed"));
        using (var unknown = await market.Operator.PostAsync($"{path}/charges/{Guid.NewGuid()}/reversal", new { reason = "No such charge" }))
            await unknown.ShouldBeProblemAsync(404, "unknown-charge");
        Assert.That((await market.TimelineAsync(held.Id)).Count, Is.EqualTo(charges.Max(c => c.Version)), "the refusals wrote nothing");
    }

    private static readonly TestCaseData[] BadResolutions =
    [
        Case("a negative amount", Resolution(new { amount = -1, currency = "EUR" }), 400, "validation", "amount.amount", "negative"),
        Case("an amount not in cents", Resolution(new { amount = 12.345, currency = "EUR" }), 400, "validation", "amount.amount", "2 decimal places"),
        Case("yen with decimals", Resolution(new { amount = 100.5, currency = "JPY" }), 400, "validation", "amount.amount", "0 decimal places"),
        Case("an unknown currency", Resolution(new { amount = 10, currency = "EURO" }), 400, "validation", "amount.currency", "ISO 4217"),
        Case("shares that do not add up", Resolution(bearers: new[] { new { party = "acme", basisPoints = 7000 }, new { party = "store", basisPoints = 2000 } }),
            400, "validation", "bearers", "add up to 9000"),
        Case("a bearer that is not registered", Resolution(bearers: new[] { new { party = "acme", basisPoints = 7000 }, new { party = "nobody", basisPoints = 3000 } }),
            422, "unknown-party", null, "'nobody' is not a registered party"),
        Case("an amount without its kind", Resolution(remedyKind: null), 400, "validation", "remedyKind", "remedyKind"),
    ];

    private static TestCaseData Case(string defect, object body, int status, string kind, string? field, string detail) =>
        new TestCaseData(defect, body, status, kind, field, detail).SetArgDisplayNames(defect);

    [TestCaseSource(nameof(BadResolutions))]
    public async Task A_resolution_with_one_bad_money_field_is_refused_naming_it_and_writes_nothing(
        string defect, object body, int status, string kind, string? field, string detail)
    {
        var held = await market.FileHeldByAsync("acme");
        using var response = await market.Acme.PostAsync($"/api/complaints/{held.Id}/resolution", body);
        var problem = await response.ShouldBeProblemAsync(status, kind);
        var named = field is null ? problem.Detail : string.Join(" ", problem.Errors![field]);
        Assert.That(named, Does.Contain(detail), defect);
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}")).Version, Is.EqualTo(held.Version), defect);
    }

    [Test]
    public async Task A_bad_claim_or_replacement_is_refused_naming_its_field()
    {
        using (var filing = await market.Operator.PostAsync("/api/complaints", new
        {
            customerReference = "cust-9", product = "Photo Pro", vendorId = "acme", category = "crash", description = "x", channel = "Web", claim = new { amount = 5, currency = "XAU" },
        }))
            Assert.That((await filing.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { "claim.currency" }));
        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", Resolution());
        var charge = (await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}")).Charges![0];
        using var reversal = await market.Operator.PostAsync($"/api/complaints/{held.Id}/charges/{charge.Id}/reversal",
            new { reason = "Wrong party", replacement = new { party = "photon", amount = new { amount = -6, currency = "EUR" } } });
        Assert.That((await reversal.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { "replacement.amount.amount" }));
    }

    [Test]
    public async Task An_import_takes_the_claim_from_the_columns_its_mapping_names_and_a_bad_claim_is_a_bad_row()
    {
        var mapping = new { caseId = "case", timestamp = "when", party = "group", claimAmount = "price", claimCurrency = "currency" };
        using (var half = await market.Operator.PostAsync("/api/imports", new { source = "half", mapping = new { caseId = "case", timestamp = "when", party = "group", claimAmount = "price" }, csv = "case,when,group,price\nC0,2026-01-05T09:00:00Z,Acme Apps,1" }))
            Assert.That((await half.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { "mapping.claimCurrency" }));
        var report = await market.Operator.PostJsonAsync<Features.Imports.ImportReport>("/api/imports", new
        {
            source = "shop", mapping, csv = "case,when,group,price,currency\nC1,2026-01-05T09:00:00Z,Acme Apps,1500,JPY\nC2,2026-01-05T09:00:00Z,Acme Apps,12.345,EUR\n",
        });
        Assert.That((report.CasesImported, report.BadRows.Select(b => b.Line).ToList()), Is.EqualTo((1, new List<int> { 3 })),
            string.Join("; ", report.BadRows.Select(b => $"{b.Line}: {b.Reason}")));
        Assert.That(report.BadRows[0].Reason, Does.Contain("2 decimal places"));
        var listed = await market.Operator.GetJsonAsync<Features.Complaints.List.Response>("/api/complaints?limit=100");
        var imported = listed.Items.Single(c => c.CustomerReference == "C1");
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{imported.Id}")).Claim, Is.EqualTo(new Money(1500m, "JPY")));
    }

    [Test]
    public void The_dashboard_timeline_words_charges_and_reversals()
    {
        var parties = new PartyDirectory([new Party("acme", PartyKind.Vendor, "Acme Apps")]);
        var id = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
        Assert.That(TimelineText.What(new Domain.Complaints.ChargeCreated(id, "acme", new Money(13.99m, "EUR"), ChargeCause.Remedy, "acme", DateTimeOffset.UnixEpoch), parties),
            Is.EqualTo("charged Acme Apps EUR 13.99"));
        Assert.That(TimelineText.What(new Domain.Complaints.ChargeReversed(id, "Wrong party", "store", DateTimeOffset.UnixEpoch), parties),
            Is.EqualTo($"reversed charge {id}: “Wrong party”"));
    }

    [Test]
    public async Task Each_charge_and_reversal_is_sent_to_the_party_charged_and_to_the_store()
    {
        await using var storeReceiver = await Receiver.StartAsync();
        await using var acmeReceiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var own = await node.CreateMarketplaceAsync();
        string[] types = [WebhookEventTypes.ChargeCreated, WebhookEventTypes.ChargeReversed];
        await own.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = storeReceiver.Url, eventTypes = types }, 201);
        await own.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = acmeReceiver.Url, eventTypes = types }, 201);
        var held = await own.FileHeldByAsync("acme");
        await own.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", Resolution());
        var acmeCharge = (await own.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}")).Charges![0];
        await own.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/charges/{acmeCharge.Id}/reversal", new { reason = "Goodwill" });

        var acme = (await acmeReceiver.WaitForAsync(2)).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.That(acme.Select(p => (p.GetProperty("type").GetString(), p.GetProperty("version").GetInt32())),
            Is.EqualTo(new[] { ("charge.created", 2), ("charge.reversed", 2) }));
        var data = acme[0].GetProperty("data");
        Assert.That((data.GetProperty("party").GetString(), data.GetProperty("amount").GetProperty("amount").GetDecimal(), acme[0].GetProperty("eventName").GetString()),
            Is.EqualTo(("acme", 13.99m, "charge_created")));
        Assert.That(acme[1].GetProperty("reason").GetString(), Is.EqualTo("Goodwill"));
        // The store hears of both charges (its own and acme's) and of the reversal.
        var store = await storeReceiver.WaitForAsync(3);
        Assert.That(store.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()),
            Is.EqualTo(new[] { "charge.created", "charge.created", "charge.reversed" }));
    }
}
