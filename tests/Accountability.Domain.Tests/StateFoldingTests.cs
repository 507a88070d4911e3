using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class StateFoldingTests
{
    [Test]
    public void The_status_follows_the_complaint_through_its_whole_life()
    {
        IComplaintEvent[] history =
        [
            Filed(), HandedOff(Party.StoreId, "acme", T0.AddHours(1)), new ComplaintAcknowledged("acme", T0.AddHours(2)),
            new InformationRequested("acme", "?", T0.AddHours(3)), new InformationProvided(Party.StoreId, "!", T0.AddHours(4)),
            new ResolutionProposed("acme", "Update", T0.AddHours(5)), Resolved("acme", T0.AddHours(6)), Closed(T0.AddHours(7)),
            new ComplaintReopened(Party.StoreId, "Still broken", T0.AddHours(8)),
        ];
        ComplaintStatus[] expected =
        [
            ComplaintStatus.Open, ComplaintStatus.Open, ComplaintStatus.InProgress, ComplaintStatus.AwaitingInformation, ComplaintStatus.InProgress,
            ComplaintStatus.ResolutionProposed, ComplaintStatus.Resolved, ComplaintStatus.Closed, ComplaintStatus.Open,
        ];

        var states = Enumerable.Range(1, history.Length).Select(n => Given(history[..n])).ToList();

        Assert.That(states.Select(s => s.Status), Is.EqualTo(expected));
        Assert.That(states.Select(s => s.LastChangedAt), Is.EqualTo(history.Select(e => e.At)));
        Assert.That(states.Select(s => s.Version), Is.EqualTo(Enumerable.Range(1, history.Length).Select(n => (long)n)));
    }

    [Test]
    public void An_assignment_moves_the_complaint_without_counting_as_a_handoff()
    {
        var state = Given(Filed(), new ComplaintAcknowledged(Party.StoreId, T0), new ComplaintAssigned("photon", Party.StoreId, T0.AddHours(1)));
        Assert.That((state.Holder, state.Status, state.HeldSince, state.HandoffCount), Is.EqualTo(("photon", ComplaintStatus.Open, T0.AddHours(1), 0)));
        Assert.That(state.PartiesInvolved, Is.EqualTo(new[] { Party.StoreId, "photon" }));
    }

    [Test]
    public void Handoffs_and_assignments_together_list_each_party_once_in_order_of_first_holding()
    {
        var state = Given(Filed(), HandedOff(Party.StoreId, "photon"), new ComplaintAssigned("acme", Party.StoreId, T0),
            HandedOff("acme", "photon"), new ComplaintAssigned(Party.StoreId, Party.StoreId, T0), HandedOff(Party.StoreId, "acme"));
        Assert.That(state.PartiesInvolved, Is.EqualTo(new[] { Party.StoreId, "photon", "acme" }));
        Assert.That((state.Holder, state.HandoffCount), Is.EqualTo(("acme", 3)));
    }

    [Test]
    public void Every_reopen_is_counted()
    {
        var state = Given(Filed(), Resolved(Party.StoreId), new ComplaintReopened(Party.StoreId, "1", T0), Resolved(Party.StoreId),
            Closed(), new ComplaintReopened(Party.StoreId, "2", T0));
        Assert.That((state.ReopenCount, state.Status), Is.EqualTo((2, ComplaintStatus.Open)));
    }

    [Test]
    public void A_redirect_changes_nothing_but_the_time_of_the_last_change()
    {
        var before = HeldByAcme();
        var after = Complaint.Evolve(before, new CustomerRedirected("acme", Party.StoreId, null, T0.AddHours(1)))!;
        Assert.That(after, Is.EqualTo(before with { LastChangedAt = T0.AddHours(1), Version = 3, Track = after.Track }));
    }

    [Test]
    public void A_stream_that_does_not_start_with_a_filing_has_no_state() =>
        Assert.That(Complaint.Evolve(null, new ComplaintAcknowledged(Party.StoreId, T0)), Is.Null);

    [Test]
    public void The_state_remembers_what_was_filed()
    {
        var state = Given(Filed());
        Assert.That((state.Id, state.CustomerReference, state.Product, state.VendorId), Is.EqualTo((Id, "cust-1", "Photo Pro", "acme")));
        Assert.That((state.Category, state.Description, state.Channel), Is.EqualTo(("crash", "Crashes on start", Channel.App)));
    }
}
