using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class AcknowledgementAndRedirectTests
{
    [Test]
    public void The_holder_acknowledges_and_the_complaint_is_in_progress() =>
        ComplaintDecisions.Acknowledge(HeldByAcme(), Acme, Registered, T0.AddHours(1)).ShouldEmit<ComplaintAcknowledged>(e =>
        {
            Assert.That((e.By, e.At), Is.EqualTo(("acme", T0.AddHours(1))));
            Assert.That(Given(Filed(), HandedOff(Party.StoreId, "acme"), e).Status, Is.EqualTo(ComplaintStatus.InProgress));
        });

    [Test]
    public void The_operator_acknowledges_a_complaint_the_store_holds() =>
        ComplaintDecisions.Acknowledge(Given(Filed()), Operator, Registered, T0).ShouldEmit<ComplaintAcknowledged>();

    [Test]
    public void Only_the_holder_acknowledges()
    {
        ComplaintDecisions.Acknowledge(HeldByAcme(), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
        ComplaintDecisions.Acknowledge(HeldByAcme(), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
    }

    [Test]
    public void Acknowledging_twice_is_refused() =>
        ComplaintDecisions.Acknowledge(InStatus(ComplaintStatus.InProgress), Acme, Registered, T0).ShouldRefuse(RefusalCode.AlreadyAcknowledged);

    [Test]
    public void A_new_holder_acknowledges_again_after_a_handoff() =>
        ComplaintDecisions.Acknowledge(Given(Filed(), new ComplaintAcknowledged(Party.StoreId, T0), HandedOff(Party.StoreId, "acme")), Acme, Registered, T0)
            .ShouldEmit<ComplaintAcknowledged>();

    [Test]
    public void A_vendor_records_that_it_sent_the_customer_to_the_store_and_the_complaint_does_not_move()
    {
        var decision = ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect("acme", Party.StoreId, "Ask the store"), Acme, Registered, T0);
        decision.ShouldEmit<CustomerRedirected>(e => Assert.That((e.By, e.RedirectedTo, e.Message, e.At), Is.EqualTo(("acme", Party.StoreId, "Ask the store", T0))));
        var after = Given(Filed(), HandedOff(Party.StoreId, "acme"), decision.Events[0]);
        Assert.That((after.Holder, after.Status, after.HandoffCount), Is.EqualTo(("acme", ComplaintStatus.Open, 1)));
    }

    [Test]
    public void A_vendor_records_its_own_redirect_even_when_it_does_not_hold_the_complaint() =>
        ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect("photon", "acme", null), Photon, Registered, T0)
            .ShouldEmit<CustomerRedirected>(e => Assert.That(e.By, Is.EqualTo("photon")));

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
    public void A_vendor_cannot_record_a_redirect_by_a_party_that_does_not_exist() =>
        ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect("nobody", "acme", null), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.OperatorOnly);

    [TestCase("acme")]
    [TestCase(Party.StoreId)]
    public void A_party_cannot_redirect_the_customer_to_itself(string party)
    {
        var actor = party == Party.StoreId ? Operator : Acme;
        ComplaintDecisions.RedirectCustomer(HeldByAcme(), new RecordCustomerRedirect(party, party, null), actor, Registered, T0)
            .ShouldRefuse(RefusalCode.HandoffToSelf);
    }
}
