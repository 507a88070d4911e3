using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Tests.Scenario;

namespace Accountability.Domain.Tests.Rules;

/// <summary>Plays events one by one through the rule engine, as the service does when it appends them.</summary>
public sealed class RuleScenario(Policy? policy = null)
{
    private readonly Policy policy = policy ?? Policy.Default;
    private readonly List<IComplaintEvent> stream = [Filed()];
    private DateTimeOffset clock = T0;

    public static readonly PartyDirectory Four = new(
    [
        new Party(Party.StoreId, PartyKind.Store, "The Store"),
        new Party("acme", PartyKind.Vendor, "Acme Apps"),
        new Party("photon", PartyKind.Vendor, "Photon Devices"),
        new Party("carrier", PartyKind.Vendor, "Carrier Co"),
    ]);

    public IReadOnlyList<FlagRaised> Flags => [.. stream.OfType<FlagRaised>()];

    public IReadOnlyList<IComplaintEvent> Stream => stream;

    public Complaint State => Given([.. stream]);

    public RuleScenario After(TimeSpan wait)
    {
        clock += wait;
        return this;
    }

    public RuleScenario HandOff(string from, string to, HandoffReason reason = HandoffReason.NeedsVendorFix, params string[] evidence) =>
        Append(new ComplaintHandedOff(from, to, reason, null, evidence, Tick()));

    /// <summary>A chain of handoffs, one hour apart: "store", "acme", "store" hands store to acme, then acme to store.</summary>
    public RuleScenario Path(params string[] holders)
    {
        for (var i = 1; i < holders.Length; i++)
            HandOff(holders[i - 1], holders[i]);
        return this;
    }

    public RuleScenario Append(IComplaintEvent e)
    {
        var followUps = RuleEngine.Judge(State, [e], policy, Four);
        stream.Add(e);
        stream.AddRange(followUps);
        return this;
    }

    public IReadOnlyList<FlagRaised> FlagsOf(string rule) => [.. Flags.Where(f => f.Rule == rule)];

    private DateTimeOffset Tick() => clock = clock.AddHours(1);
}
