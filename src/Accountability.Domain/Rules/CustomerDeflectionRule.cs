using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>A party sent the customer to another party instead of handing the complaint over: "contact the developer".</summary>
public sealed class CustomerDeflectionRule : IRule
{
    public string Id => RuleIds.CustomerDeflection;

    public IRuleSettings SettingsIn(Policy policy) => policy.CustomerDeflection;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        e is CustomerRedirected redirect
            ? new Finding([after.Version],
                $"{parties.NameOf(redirect.By)} told the customer to contact {parties.NameOf(redirect.RedirectedTo)} instead of handing the complaint over.") { Charged = [redirect.By] }
            : null;
}
