using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

/// <summary>What the customer may do from the status page, and what the page shows them.</summary>
public sealed class CustomerTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    [Test]
    public void The_customer_answers_only_when_asked_and_the_answer_is_theirs()
    {
        CustomerDecisions.Answer(InStatus(ComplaintStatus.AwaitingInformation), new AnswerAsCustomer("2.1"), T0)
            .ShouldEmit<InformationProvided>(e => Assert.That((e.By, e.Answer), Is.EqualTo((Party.CustomerId, "2.1"))));
        CustomerDecisions.Answer(InStatus(ComplaintStatus.InProgress), new AnswerAsCustomer("2.1"), T0).ShouldRefuse(RefusalCode.NotAwaitingInformation);
    }

    [Test]
    public void Still_broken_rejects_a_proposed_fix_and_puts_the_holder_back_to_work()
    {
        var decision = CustomerDecisions.ReportStillBroken(InStatus(ComplaintStatus.ResolutionProposed), new ReportStillBroken("No"), Window, T0);
        decision.ShouldEmit<ResolutionRejected>();
        var after = Complaint.Evolve(InStatus(ComplaintStatus.ResolutionProposed), decision.Events[0])!;
        Assert.That((after.Status, after.Holder), Is.EqualTo((ComplaintStatus.InProgress, "acme")));
    }

    [TestCase(ComplaintStatus.Resolved, 400.0, true)]
    [TestCase(ComplaintStatus.Closed, 29.0, true)]
    [TestCase(ComplaintStatus.Closed, 31.0, false)]
    public void Still_broken_reopens_a_resolved_complaint_or_a_closed_one_within_the_window(ComplaintStatus status, double daysLater, bool reopens)
    {
        var decision = CustomerDecisions.ReportStillBroken(InStatus(status), new ReportStillBroken(null), Window, T0.AddDays(daysLater));
        if (reopens)
            decision.ShouldEmit<ComplaintReopened>(e => Assert.That(e.By, Is.EqualTo(Party.CustomerId)));
        else
            decision.ShouldRefuse(RefusalCode.ReopenWindowExpired);
    }

    [Test]
    public void Nothing_to_confirm_or_reject_before_a_fix_is_proposed()
    {
        CustomerDecisions.ConfirmFix(InStatus(ComplaintStatus.InProgress), T0).ShouldRefuse(RefusalCode.NoFixProposed);
        CustomerDecisions.ReportStillBroken(InStatus(ComplaintStatus.Open), new ReportStillBroken(null), Window, T0).ShouldRefuse(RefusalCode.NoFixProposed);
        CustomerDecisions.ConfirmFix(InStatus(ComplaintStatus.ResolutionProposed), T0).ShouldEmit<ResolutionConfirmed>();
    }

    [TestCase(0, RefusalCode.InvalidRating)]
    [TestCase(6, RefusalCode.InvalidRating)]
    public void A_rating_is_one_to_five_stars(int stars, RefusalCode refusal) =>
        CustomerDecisions.Rate(InStatus(ComplaintStatus.Resolved), new RateHandling(stars, null), T0).ShouldRefuse(refusal);

    [Test]
    public void Handling_is_rated_once_it_is_resolved()
    {
        CustomerDecisions.Rate(InStatus(ComplaintStatus.InProgress), new RateHandling(5, null), T0).ShouldRefuse(RefusalCode.NotResolved);
        var rated = CustomerDecisions.Rate(InStatus(ComplaintStatus.Closed), new RateHandling(4, "ok"), T0);
        rated.ShouldEmit<ComplaintRated>();
        Assert.That(Complaint.Evolve(InStatus(ComplaintStatus.Closed), rated.Events[0])!.Rating, Is.EqualTo(4));
    }

    [Test]
    public void Only_the_operator_reissues_or_revokes_a_tracking_link_and_a_revoked_one_cannot_be_revoked_again()
    {
        var filed = Given(Filed() with { TrackingTokenHash = "h1" });
        Assert.That(filed.HasTrackingLink, Is.True);
        ComplaintDecisions.ReissueTrackingLink(filed, new ReissueTrackingLink("h2"), Acme, T0).ShouldRefuse(RefusalCode.OperatorOnly);
        var revoked = ComplaintDecisions.RevokeTrackingLink(filed, Operator, T0);
        revoked.ShouldEmit<TrackingLinkRevoked>();
        ComplaintDecisions.RevokeTrackingLink(Complaint.Evolve(filed, revoked.Events[0])!, Operator, T0).ShouldRefuse(RefusalCode.NoTrackingLink);
    }

    [Test]
    public void The_page_shows_milestones_in_the_customers_terms_and_follows_the_token()
    {
        var view = Fold(Filed() with { TrackingTokenHash = "h1" }, HandedOff(Party.StoreId, "acme"), new InformationRequested("acme", "Which version?", T0),
            new FlagRaised("ping-pong", Severity.High, [1, 2], "internal sentence", 1, T0), new TrackingLinkReissued("h2", Party.StoreId, T0));

        Assert.That(view.Milestones.Select(m => m.Kind), Is.EqualTo(new[] { MilestoneKind.Filed, MilestoneKind.HandedOver, MilestoneKind.InformationRequested }));
        Assert.That((view.Status, view.Holder, view.OpenQuestion, view.TokenHash, view.Version), Is.EqualTo((ComplaintStatus.AwaitingInformation, "acme", "Which version?", "h2", 5L)));
        Assert.That(Fold(Filed() with { TrackingTokenHash = "h1" }, new TrackingLinkRevoked(Party.StoreId, T0)).TokenHash, Is.Null);
    }

    [Test]
    public void What_happens_next_comes_from_the_policy_deadlines_of_the_holder()
    {
        var held = Fold(Filed(), HandedOff(Party.StoreId, "acme", T0.AddHours(1)));
        var next = NextStep.Of(held, PartyKind.Vendor, Policy.Default, Window, T0);
        var row = Policy.Default.DeadlinesFor(Severity.Medium, PartyKind.Vendor)!;
        Assert.That(next, Is.EqualTo(new NextStep(NextStepKind.HolderPicksUp, "acme", T0.AddHours(1 + row.FirstResponseHours))));
        var closed = Fold(Filed(), HandedOff(Party.StoreId, "acme"), Resolved("acme"), Closed(T0));
        Assert.That(NextStep.Of(closed, PartyKind.Vendor, Policy.Default, Window, T0.AddDays(1)).By, Is.EqualTo(T0 + Window));
        Assert.That(NextStep.Of(closed, PartyKind.Vendor, Policy.Default, Window, T0.AddDays(31)).Kind, Is.EqualTo(NextStepKind.Finished));
    }

    [Test]
    public void A_complaint_passed_around_for_months_keeps_a_bounded_page()
    {
        var events = new List<IComplaintEvent> { Filed() };
        for (var i = 0; i < 300; i++)
            events.Add(HandedOff(i % 2 == 0 ? Party.StoreId : "acme", i % 2 == 0 ? "acme" : Party.StoreId));
        Assert.That(Fold([.. events]).Milestones, Has.Count.EqualTo(CustomerStatus.MilestonesKept));
    }

    private static CustomerStatus Fold(params object[] events) => events.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve)!;
}
