using Accountability.Domain.Complaints;
using Accountability.Domain.Imports;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Imports;

public sealed class HistoryTranslatorTests
{
    private static readonly StatusMap Zendesk = StatusMap.Of(new Dictionary<string, string>
    {
        ["open"] = "inProgress", ["pending"] = "waitingOnCustomer", ["hold"] = "waitingOnThirdParty", ["solved"] = "resolved", ["closed"] = "closed",
    });

    private static HistoryRow Row(int hour, string status, string party = "acme") => new(hour, "Z-1", T0.AddHours(hour), party, status, null, null, null, null);

    private static IEnumerable<Type> Translated(StatusMap? map, params HistoryRow[] rows) =>
        HistoryTranslator.Translate(Id, "zendesk", rows, map).Select(e => e.GetType());

    [Test]
    public void The_maps_words_become_a_wait_on_a_third_party_and_its_end() =>
        Assert.That(Translated(Zendesk, Row(0, "Open"), Row(1, " HOLD "), Row(5, "open"), Row(6, "Solved"), Row(9, "Closed")), Is.EqualTo(new[]
        {
            typeof(ComplaintFiled), typeof(ComplaintAssigned), typeof(ComplaintAcknowledged), typeof(ThirdPartyWaitStarted),
            typeof(ThirdPartyResponded), typeof(ComplaintResolved), typeof(ComplaintClosed),
        }));

    [Test]
    public void A_word_the_map_does_not_know_changes_nothing_even_on_a_finished_case() =>
        Assert.That(Translated(Zendesk, Row(0, "solved"), Row(1, "Escalated")), Is.EqualTo(new[]
        {
            typeof(ComplaintFiled), typeof(ComplaintAssigned), typeof(ComplaintResolved),
        }));

    [Test]
    public void The_default_words_still_acknowledge_ask_resolve_close_and_now_cancel()
    {
        Assert.That(Translated(null, Row(0, "Active"), Row(1, "Awaiting User Info"), Row(2, "Active"), Row(3, "Resolved"), Row(4, "Closed")), Is.EqualTo(new[]
        {
            typeof(ComplaintFiled), typeof(ComplaintAssigned), typeof(ComplaintAcknowledged), typeof(InformationRequested),
            typeof(InformationProvided), typeof(ComplaintResolved), typeof(ComplaintClosed),
        }));
        Assert.That(Translated(null, Row(0, "New"), Row(1, "Cancelled"), Row(2, "Closed")).Last(), Is.EqualTo(typeof(ComplaintCancelled)));
    }

    [Test]
    public void Unknown_words_are_counted_as_first_spelled()
    {
        string?[] words = ["Active", "Escalated", "escalated ", null, "In Call"];
        Assert.That(StatusMap.Default.Unknown(words), Is.EqualTo(new Dictionary<string, int> { ["Escalated"] = 2, ["In Call"] = 1 }));
    }
}
