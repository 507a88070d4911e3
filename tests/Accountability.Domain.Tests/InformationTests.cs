using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class InformationTests
{
    private static Complaint AcmeAsked() => Given(Filed(), HandedOff(Party.StoreId, "acme"), new InformationRequested("acme", "Which version?", T0));

    [Test]
    public void The_holder_asks_for_information_and_the_operator_answers_for_the_customer()
    {
        var asked = ComplaintDecisions.RequestInformation(HeldByAcme(), new RequestInformation("Which version?"), Acme, Registered, T0.AddHours(1));
        asked.ShouldEmit<InformationRequested>(e => Assert.That((e.By, e.Question, e.At), Is.EqualTo(("acme", "Which version?", T0.AddHours(1)))));
        var waiting = Given(Filed(), HandedOff(Party.StoreId, "acme"), asked.Events[0]);
        Assert.That(waiting.Status, Is.EqualTo(ComplaintStatus.AwaitingInformation));

        var answered = ComplaintDecisions.ProvideInformation(waiting, new ProvideInformation("2.1"), Operator, Registered, T0.AddHours(2));
        answered.ShouldEmit<InformationProvided>(e => Assert.That((e.By, e.Answer, e.At), Is.EqualTo((Party.StoreId, "2.1", T0.AddHours(2)))));
        Assert.That(Given(Filed(), HandedOff(Party.StoreId, "acme"), asked.Events[0], answered.Events[0]).Status, Is.EqualTo(ComplaintStatus.InProgress));
    }

    [Test]
    public void The_holder_records_the_customers_answer_itself() =>
        ComplaintDecisions.ProvideInformation(AcmeAsked(), new ProvideInformation("2.1"), Acme, Registered, T0)
            .ShouldEmit<InformationProvided>(e => Assert.That(e.By, Is.EqualTo("acme")));

    [Test]
    public void Only_the_holder_asks_for_information()
    {
        ComplaintDecisions.RequestInformation(HeldByAcme(), new RequestInformation("?"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
        ComplaintDecisions.RequestInformation(HeldByAcme(), new RequestInformation("?"), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);
    }

    [Test]
    public void Asking_about_a_resolved_complaint_is_refused() =>
        ComplaintDecisions.RequestInformation(Given(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme")), new RequestInformation("?"), Acme, Registered, T0)
            .ShouldRefuse(RefusalCode.AlreadyResolved);

    [Test]
    public void An_answer_nobody_asked_for_is_refused() =>
        ComplaintDecisions.ProvideInformation(HeldByAcme(), new ProvideInformation("2.1"), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotAwaitingInformation);

    [Test]
    public void A_question_is_answered_only_once()
    {
        var answered = Given(Filed(), HandedOff(Party.StoreId, "acme"), new InformationRequested("acme", "?", T0), new InformationProvided(Party.StoreId, "2.1", T0));
        ComplaintDecisions.ProvideInformation(answered, new ProvideInformation("2.2"), Operator, Registered, T0).ShouldRefuse(RefusalCode.NotAwaitingInformation);
    }

    [Test]
    public void A_vendor_that_does_not_hold_the_complaint_cannot_answer_for_the_customer() =>
        ComplaintDecisions.ProvideInformation(AcmeAsked(), new ProvideInformation("x"), Photon, Registered, T0).ShouldRefuse(RefusalCode.NotTheHolder);

    [Test]
    public void The_customer_cannot_answer_directly_only_through_the_operator() =>
        ComplaintDecisions.ProvideInformation(AcmeAsked(), new ProvideInformation("x"), CustomerDecisions.Customer, Registered, T0)
            .ShouldRefuse(RefusalCode.NotTheHolder);
}
