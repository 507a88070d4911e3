namespace Accountability.Domain.Rules;

public static class RuleIds
{
    public const string Bounce = "bounce";
    public const string PingPong = "ping-pong";
    public const string Hub = "hub";
    public const string Cycle = "cycle";
    public const string Churn = "churn";
    public const string CustomerDeflection = "customer-deflection";
    public const string EvidenceFreeHandoff = "evidence-free-handoff";
    public const string ReopenLoop = "reopen-loop";
    public const string StalledHolder = "stalled-holder";
    public const string StepInRequested = "step-in-requested";
    public const string EvidenceMissed = "evidence-missed";

    public static readonly IReadOnlyList<string> All = [Bounce, PingPong, Hub, Cycle, Churn, CustomerDeflection, EvidenceFreeHandoff, ReopenLoop, StalledHolder, StepInRequested, EvidenceMissed];

    /// <summary>The rules that judge the path a complaint took within one episode; each return raises at most one of them.</summary>
    public static readonly IReadOnlyList<string> Loops = [Bounce, PingPong, Hub, Cycle];
}
