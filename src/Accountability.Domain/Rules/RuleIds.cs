namespace Accountability.Domain.Rules;

public static class RuleIds
{
    public const string PingPong = "ping-pong";
    public const string Cycle = "cycle";
    public const string Churn = "churn";
    public const string CustomerDeflection = "customer-deflection";
    public const string EvidenceFreeHandoff = "evidence-free-handoff";
    public const string ReopenLoop = "reopen-loop";
    public const string StalledHolder = "stalled-holder";

    public static readonly IReadOnlyList<string> All = [PingPong, Cycle, Churn, CustomerDeflection, EvidenceFreeHandoff, ReopenLoop, StalledHolder];
}
