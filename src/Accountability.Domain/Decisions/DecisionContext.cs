using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Decisions;

/// <summary>What a decision may know besides the stream's state: who acts, the tenant's parties and policy, the time.</summary>
public sealed record DecisionContext(Actor Actor, PartyDirectory Parties, Policy Policy, DateTimeOffset Now, TimeSpan ReopenWindow);
