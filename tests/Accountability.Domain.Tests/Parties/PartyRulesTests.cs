using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Parties;

public sealed class PartyRulesTests
{
    [TestCase(Party.StoreId)]
    [TestCase(Party.CustomerId)]
    [TestCase(RuleEngine.Actor)]
    [TestCase(PartyRules.ImportActor)]
    public void The_products_own_actors_are_reserved(string id)
    {
        Assert.That(PartyRules.IsReserved(id), Is.True);
        Assert.That(PartyRules.IdProblem(id), Does.Contain("reserved"));
    }

    [TestCase("acme")]
    [TestCase("group-56")]
    public void A_slug_that_is_not_reserved_is_a_vendor_id(string id) => Assert.That(PartyRules.IdProblem(id), Is.Null);

    [TestCase("Acme")]
    [TestCase("-acme")]
    [TestCase("acme\n")]
    [TestCase("")]
    public void An_id_that_is_not_a_slug_is_refused(string id) => Assert.That(PartyRules.IdProblem(id), Is.Not.Null);

    [Test]
    public void A_display_name_is_not_empty_at_most_200_characters_and_storable()
    {
        Assert.That(PartyRules.DisplayNameProblem("Acme Apps"), Is.Null);
        Assert.That(PartyRules.DisplayNameProblem(new string('x', 200)), Is.Null);
        Assert.That(PartyRules.DisplayNameProblem(new string('x', 201)), Does.Contain("200"));
        Assert.That(PartyRules.DisplayNameProblem("  "), Is.Not.Null);
        Assert.That(PartyRules.DisplayNameProblem("a\0b"), Does.Contain("NUL"));
    }

    [Test]
    public void A_vendor_registered_under_a_reserved_id_cannot_hold_a_complaint()
    {
        var parties = new PartyDirectory([new Party(Party.StoreId, PartyKind.Store, "Store"), new Party(Party.CustomerId, PartyKind.Vendor, "Customer"),
            new Party(RuleEngine.Actor, PartyKind.Vendor, "Rules"), new Party("acme", PartyKind.Vendor, "Acme")]);
        Assert.That(new[] { Party.StoreId, "acme" }.All(parties.CanHold), Is.True);
        Assert.That(parties.CanHold(Party.CustomerId) || parties.CanHold(RuleEngine.Actor), Is.False);
    }

    [Test]
    public void The_customer_is_a_kind_of_actor_that_no_vendor_id_makes()
    {
        Assert.That(CustomerDecisions.Customer.IsCustomer, Is.True);
        Assert.That(Actor.Vendor(Party.CustomerId), Is.Not.EqualTo(CustomerDecisions.Customer));
        Assert.That(Actor.Vendor(Party.CustomerId).IsCustomer, Is.False);
    }
}
