using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>What a rule found: the stream versions that prove it, and one sentence a person understands.</summary>
public sealed record Finding(IReadOnlyList<long> Evidence, string Sentence)
{
    /// <summary>The parties the flag is charged to.</summary>
    public IReadOnlyList<string> Charged { get; init; } = [];

    /// <summary>Earlier flags of the same story that this one replaces.</summary>
    public IReadOnlyList<long> Supersedes { get; init; } = [];
}

/// <summary>One kind of buck-passing. Pure: it reads the complaint before and after one event, and nothing else.</summary>
public interface IRule
{
    string Id { get; }

    IRuleSettings SettingsIn(Policy policy);

    Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties);
}
