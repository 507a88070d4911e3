using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests;

public sealed class TimeHeldTests
{
    [Test]
    public void Each_party_is_charged_for_the_time_it_held_the_complaint_and_the_holder_up_to_now()
    {
        var state = Given(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(2)), HandedOff("acme", Party.StoreId, T0.AddHours(5)));
        var held = state.TimeHeld(T0.AddHours(6));
        Assert.That(held[Party.StoreId], Is.EqualTo(TimeSpan.FromHours(3)));
        Assert.That(held["acme"], Is.EqualTo(TimeSpan.FromHours(3)));
    }

    [Test]
    public void The_store_is_charged_two_hours_and_the_vendor_three_so_far_and_counting()
    {
        var state = Given(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(2)));
        Assert.That(state.TimeHeld(T0.AddHours(5)), Is.EquivalentTo(new Dictionary<string, TimeSpan>
        {
            [Party.StoreId] = TimeSpan.FromHours(2),
            ["acme"] = TimeSpan.FromHours(3),
        }));
        Assert.That(state.TimeHeld(T0.AddHours(7))["acme"], Is.EqualTo(TimeSpan.FromHours(5)));
        Assert.That(state.TimeHeld(T0.AddHours(7))[Party.StoreId], Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public void An_assignment_charges_the_previous_holder_like_a_handoff()
    {
        var state = Given(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(1)), new ComplaintAssigned("photon", Party.StoreId, T0.AddHours(4)));
        var held = state.TimeHeld(T0.AddHours(6));
        Assert.That((held[Party.StoreId], held["acme"], held["photon"]), Is.EqualTo((TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(2))));
    }

    [Test]
    public void A_moment_before_the_current_holding_began_charges_the_holder_nothing_yet()
    {
        var state = Given(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(2)));
        Assert.That(state.TimeHeld(T0.AddHours(1)).ContainsKey("acme"), Is.False);
        Assert.That(state.TimeHeld(T0.AddHours(1))[Party.StoreId], Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public void The_clock_restarts_when_a_closed_complaint_is_reopened()
    {
        var reopened = Given(Filed(T0), Resolved(Party.StoreId, T0.AddHours(2)), Closed(T0.AddHours(30)),
            new ComplaintReopened(Party.StoreId, "Still broken", T0.AddHours(40)));
        Assert.That(reopened.TimeHeld(T0.AddHours(41))[Party.StoreId], Is.EqualTo(TimeSpan.FromHours(3)));
    }

    [Test]
    public void The_clock_stops_at_resolution_and_restarts_on_reopening()
    {
        var resolved = Given(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(1)), Resolved("acme", T0.AddHours(4)));
        Assert.That(resolved.TimeHeld(T0.AddDays(3))["acme"], Is.EqualTo(TimeSpan.FromHours(3)));

        var reopened = Given(Filed(T0), HandedOff(Party.StoreId, "acme", T0.AddHours(1)), Resolved("acme", T0.AddHours(4)),
            new ComplaintReopened(Party.StoreId, "Still broken", T0.AddHours(10)));
        Assert.That(reopened.TimeHeld(T0.AddHours(12))["acme"], Is.EqualTo(TimeSpan.FromHours(5)));
    }

    [Test]
    public void The_clock_stays_stopped_once_closed()
    {
        var closed = Given(Filed(T0), Resolved(Party.StoreId, T0.AddHours(2)), Closed(T0.AddHours(30)));
        Assert.That(closed.TimeHeld(T0.AddDays(9))[Party.StoreId], Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(closed.ClosedAt, Is.EqualTo(T0.AddHours(30)));
    }

    [Test]
    public void Events_the_state_does_not_track_only_count_towards_the_version()
    {
        var state = HeldByAcme();
        Assert.That(Complaint.Evolve(state, new object()), Is.EqualTo(state with { Version = 3 }));
        Assert.That(Complaint.Evolve(null, HandedOff("a", "b")), Is.Null);
    }
}
