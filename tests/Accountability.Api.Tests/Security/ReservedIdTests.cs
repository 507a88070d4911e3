using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Tests.Security;

/// <summary>The ids the product acts under (store, customer, rules, import) are taken by no party, on any path.</summary>
[Category("api")]
public sealed class ReservedIdTests
{
    private static readonly object Mapping = new { caseId = "case", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "group" };

    [TestCase(Party.StoreId)]
    [TestCase(Party.CustomerId)]
    [TestCase(RuleEngine.Actor)]
    [TestCase(PartyRules.ImportActor)]
    public async Task A_party_cannot_be_registered_under_a_reserved_id(string id)
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Operator.PostAsync("/api/parties", new { id, displayName = "Anyone" });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!["id"], Has.Some.Contain("reserved"));
    }

    [TestCase(Party.CustomerId)]
    [TestCase(RuleEngine.Actor)]
    [TestCase(PartyRules.ImportActor)]
    public async Task No_key_is_issued_for_a_reserved_id_but_the_store_still_gets_operator_keys(string id)
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Operator.PostAsync("/api/api-keys", new { partyId = id, name = "sneaky" });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!["partyId"], Has.Some.Contain("reserved"));
        var store = await market.Operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = Party.StoreId, name = "second operator key" }, 201);
        Assert.That(store.Role, Is.EqualTo(ApiKeyRole.Operator));
    }

    [Test]
    public async Task An_imported_row_whose_party_is_a_reserved_id_is_a_bad_row_and_registers_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var csv = "case,when,group\nA1,2026-01-05 09:00,Customer\nA2,2026-01-05 09:00,rules\nA3,2026-01-05 09:00,STORE\nA4,2026-01-05 09:00,import\nA5,2026-01-05 09:00,Zeta";
        var report = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "log", mapping = Mapping, csv });

        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 2, 3, 4, 5 }));
        Assert.That(report.BadRows.Select(b => b.Reason), Has.All.Contain("reserved"));
        var parties = await market.Operator.GetJsonAsync<List<Party>>("/api/parties");
        Assert.That(parties.Where(p => p.Kind == PartyKind.Vendor).Select(p => p.Id), Is.EquivalentTo(new[] { "acme", "photon", "zeta" }));
        using var handoff = await market.Operator.PostAsync($"/api/complaints/{(await market.FileAsync()).Id}/handoffs", new { to = Party.CustomerId, reason = "WrongParty" });
        await handoff.ShouldBeProblemAsync(422, "unknown-party");
    }

    [Test]
    public async Task The_command_line_import_refuses_a_reserved_party_as_a_bad_row()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, "case,when,group\nA1,2026-01-05 09:00,rules\nA2,2026-01-05 09:00,Zeta",
            """{"caseId":"case","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"group"}""");

        Assert.That(run.ExitCode, Is.EqualTo(1), "some rows were bad: " + run.Error);
        Assert.That(run.Output, Does.Contain("line 2").And.Contain("reserved"));
        var parties = await market.Operator.GetJsonAsync<List<Party>>("/api/parties");
        Assert.That(parties.Select(p => p.Id), Does.Not.Contain(RuleEngine.Actor));
    }

    [Test]
    public async Task A_vendor_key_whose_party_id_is_customer_sees_only_what_it_held_not_every_complaint()
    {
        // A key made before ids were reserved: the vendor "customer" and its key, written straight to the store.
        var market = await Marketplace.CreateAsync();
        var someoneElses = await market.FileHeldByAsync("acme");
        var store = ServiceUnderTest.Services.GetRequiredService<IDocumentStore>();
        var (stored, shown) = new ApiKeyMint().Issue(market.Id, Party.CustomerId, isStore: false, "legacy", DateTimeOffset.UtcNow);
        await using (var session = store.LightweightSession(market.Id))
        {
            session.Store(new Party(Party.CustomerId, PartyKind.Vendor, "Customer"));
            session.Store(stored);
            await session.SaveChangesAsync();
        }
        var legacy = Marketplace.Client(shown.Key!);

        using var read = await legacy.GetAsync($"/api/complaints/{someoneElses.Id}");
        await read.ShouldBeProblemAsync(404, "not-found");
        using var timeline = await legacy.GetAsync($"/api/complaints/{someoneElses.Id}/timeline");
        await timeline.ShouldBeProblemAsync(404, "not-found");
        using var handoff = await market.Acme.PostAsync($"/api/complaints/{someoneElses.Id}/handoffs", new { to = Party.CustomerId, reason = "WrongParty" });
        await handoff.ShouldBeProblemAsync(422, "unknown-party");
    }
}
