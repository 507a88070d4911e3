using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Oracle;

/// <summary>
/// Incidents of the ServiceNow sample read by hand, row by row, and what a reader says happened to each: the flags
/// a complaint should show (superseded ones set aside) and whom each is charged to. Deadlines left out.
/// </summary>
public sealed class ServiceNowGoldenTests
{
    private static readonly Lazy<(IReadOnlyDictionary<string, IReadOnlyList<IComplaintEvent>> Incidents, Domain.Parties.PartyDirectory Parties)> Sample =
        new(ServiceNowSample.Read);

    [TestCase("INC0000579", "bounce:group-54", Description = "G70 to G54, who sent it back the next day")]
    [TestCase("INC0000395", "bounce:group-20", Description = "G23 to G20 and straight back, then G23 worked and resolved it")]
    [TestCase("INC0000596", "bounce:group-70", Description = "G24 acknowledged, passed it to G70 six minutes later, G70 sent it back")]
    [TestCase("INC0000778", "bounce:group-70")]
    [TestCase("INC0001434", "bounce:group-54")]
    [TestCase("INC0001233", "cycle:group-57", Description = "G21 to G12 to G57 and back to G21")]
    [TestCase("INC0001400", "cycle:group-56", Description = "G70 to G65, G54, G56 and back to G70, which resolved it")]
    [TestCase("INC0000493", "cycle:group-54", Description = "G25 to G65 to G54 and back to G25, then on to G70")]
    [TestCase("INC0001014", "ping-pong:group-28,group-29", Description = "G29 and G28 passed it between them four times over three weeks")]
    [TestCase("INC0000458", "ping-pong:group-70,group-25", Description = "G25 to G70, back, and to G70 again")]
    [TestCase("INC0000265", "ping-pong:group-20,group-70", "churn:group-70,group-20", Description = "G70 and G20 back and forth within hours, then G69 resolved it")]
    [TestCase("INC0000591", "cycle:group-25,group-9", "hub:group-25,group-20", "bounce:group-9",
        Description = "three weeks between G20, G9 and G25: G9 sent it to G25 and to G20 and got it back each time; G25 and G9 bounced it at the end")]
    [TestCase("INC0000590", Description = "G70 to G29 to G24, which resolved it: passed on, never back")]
    [TestCase("INC0001218")]
    [TestCase("INC0001265")]
    [TestCase("INC0000864")]
    [TestCase("INC0000617")]
    [TestCase("INC0000089", Description = "passed on twice within minutes, then G58 kept it two days: no run of four quick passes")]
    [TestCase("INC0000045", Description = "one group, resolved")]
    [TestCase("INC0000057")]
    public void A_readers_account_of_the_incident_is_what_the_rules_show(string incident, params string[] expected)
    {
        var (incidents, parties) = Sample.Value;
        var history = incidents[incident];
        var policy = OracleComparison.WithoutDeadlines(Policy.Default);
        var shown = Replay.Play(history, policy, parties, history[^1].At).Aggregate((Complaint?)null, Complaint.Evolve)!.Flags
            .Select(f => $"{f.Rule}:{string.Join(",", f.Charged ?? [])}");
        Assert.That(shown, Is.EquivalentTo(expected));
    }
}
