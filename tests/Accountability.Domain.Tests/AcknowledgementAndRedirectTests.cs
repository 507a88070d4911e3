using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class AcknowledgementAndRedirectTests
{
    [Test]
    public void The_holder_acknowledges() =>
        ComplaintDecisions.Acknowledge(HeldByAcme(), Acme, Registered, T0).ShouldEmit<ComplaintAcknowledged>(e => Assert.That(e.By, Is.EqualTo("acme")));

    [Test]
    public void Only_the_holder_acknowledges()
    {
        ComplaintDecisions.Acknowledge(HeldByAcme(), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
        ComplaintDecisions.Acknowledge(HeldByAcme(), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
    }

    [Test]
    public void Acknowledging_twice_is_refused() =>
        ComplaintDecisions.Acknowledge(Given(Filed(), HandedOff(Party.StoreId, "acme"), new ComplaintAcknowledged("acme", T0)), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.AlreadyAcknowledged);

    [Test]
    public void A_vendor_records_that_it_sent_the_customer_to_the_store_and_the_complaint_does_not_move()
    {
        var decision = ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect("acme", Party.StoreId, "Ask the store"), Acme, Registered, T0);
        decision.ShouldEmit<CustomerRedirected>(e => Assert.That((e.By, e.RedirectedTo), Is.EqualTo(("acme", Party.StoreId))));
        Assert.That(Given(Filed(), HandedOff(Party.StoreId, "acme"), decision.Events[0]).Holder, Is.EqualTo("acme"));
    }

    [Test]
    public void A_vendor_cannot_record_another_partys_redirect() =>
        ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect("photon", "acme", null), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.OperatorOnly);

    [Test]
    public void The_operator_records_a_redirect_on_behalf_of_any_party() =>
        ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect("photon", "acme", null), Operator, Registered, T0)
            .ShouldEmit<CustomerRedirected>(e => Assert.That(e.By, Is.EqualTo("photon")));

    [TestCase("nobody", "acme")]
    [TestCase("acme", "nobody")]
    [TestCase("acme", Party.CustomerId)]
    public void A_redirect_names_registered_parties(string party, string to) =>
        ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect(party, to, null), Operator, Registered, T0)
            .ShouldRefuse(RefusalCode.UnknownParty);

    [Test]
    public void A_party_cannot_redirect_the_customer_to_itself() =>
        ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect("acme", "acme", null), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.HandoffToSelf);
}
