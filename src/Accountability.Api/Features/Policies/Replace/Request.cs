using Accountability.Api.Http;
using Accountability.Domain.Rules;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Policies.Replace;

/// <summary>A whole policy. Its version is not sent: the service numbers each replacement.</summary>
/// <param name="RecurringProblems">Optional, for clients written before it existed: left out, the default applies.</param>
/// <param name="Bounce">Optional, for clients written before it existed: left out, the default applies.</param>
/// <param name="Hub">Optional, for clients written before it existed: left out, the default applies.</param>
/// <param name="PingPong">The ping-pong rule's settings.</param>
/// <param name="Cycle">The cycle rule's settings.</param>
/// <param name="Churn">The churn rule's settings.</param>
/// <param name="CustomerDeflection">The customer-deflection rule's settings.</param>
/// <param name="EvidenceFreeHandoff">The evidence-free-handoff rule's settings.</param>
/// <param name="ReopenLoop">The reopen-loop rule's settings.</param>
/// <param name="StalledHolder">The stalled-holder rule's settings and the holders' deadlines.</param>
/// <param name="StepIn">Optional: left out, the default applies (off: a missed acknowledgement deadline only flags).</param>
/// <param name="StepInRequest">Optional: left out, the default applies (flagged, escalates, the store takes over).</param>
/// <param name="DefaultClaim">Optional: what is at stake on a complaint filed without a claim (an amount and an ISO 4217 currency code); left out, none.</param>
/// <param name="EvidenceMissed">Optional: left out, the default applies (flagged at medium severity, does not escalate).</param>
/// <param name="AppealWindowDays">Optional: how many days a charged party has to appeal a charge, from the charge's time (1 to 365); left out, 30.</param>
/// <param name="DefaultJudgment">Optional: left out, the default applies (off: a missed resolution deadline only flags).</param>
/// <param name="Standing">Optional: vendor standing's window and thresholds (docs/standing.md); left out, the default (off).</param>
/// <param name="Statements">Optional: the statements' IANA time zone and the days after a month's end before it closes; left out, UTC and 3 days.</param>
public sealed record Request(
    PingPongSettings PingPong,
    CycleSettings Cycle,
    ChurnSettings Churn,
    CustomerDeflectionSettings CustomerDeflection,
    EvidenceFreeHandoffSettings EvidenceFreeHandoff,
    ReopenLoopSettings ReopenLoop,
    StalledHolderSettings StalledHolder,
    RecurringProblemSettings? RecurringProblems = null,
    BounceSettings? Bounce = null,
    HubSettings? Hub = null,
    StepInSettings? StepIn = null,
    StepInRequestSettings? StepInRequest = null,
    Http.MoneyInput? DefaultClaim = null,
    EvidenceMissedSettings? EvidenceMissed = null,
    int? AppealWindowDays = null,
    DefaultJudgmentSettings? DefaultJudgment = null,
    StandingSettings? Standing = null,
    Domain.Liability.StatementSettings? Statements = null)
{
    public static Request From(Policy policy) => new(policy.PingPong, policy.Cycle, policy.Churn, policy.CustomerDeflection,
        policy.EvidenceFreeHandoff, policy.ReopenLoop, policy.StalledHolder, policy.RecurringProblems, policy.Bounce, policy.Hub);

    public Policy ToPolicy(int version) => new(version, PingPong, Cycle, Churn, CustomerDeflection, EvidenceFreeHandoff, ReopenLoop, StalledHolder)
    {
        RecurringProblems = RecurringProblems ?? RecurringProblemSettings.Default,
        Bounce = Bounce ?? BounceSettings.Default,
        Hub = Hub ?? HubSettings.Default,
        StepIn = StepIn ?? StepInSettings.Default,
        StepInRequest = StepInRequest ?? StepInRequestSettings.Default,
        DefaultClaim = DefaultClaim is { Amount: { } amount, Currency: { } currency } ? new Domain.Liability.Money(amount, currency) : null,
        EvidenceMissed = EvidenceMissed ?? EvidenceMissedSettings.Default,
        AppealWindowDays = AppealWindowDays ?? Policy.DefaultAppealWindowDays,
        DefaultJudgment = DefaultJudgment ?? DefaultJudgmentSettings.Default,
        Standing = Standing ?? StandingSettings.Default,
        Statements = Statements ?? Domain.Liability.StatementSettings.Default,
    };

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.PingPong).NotNull();
            RuleFor(r => r.Cycle).NotNull();
            RuleFor(r => r.Churn).NotNull();
            RuleFor(r => r.CustomerDeflection).NotNull();
            RuleFor(r => r.EvidenceFreeHandoff).NotNull();
            RuleFor(r => r.ReopenLoop).NotNull();
            RuleFor(r => r.StalledHolder).NotNull();
            RuleFor(r => r.DefaultClaim).ValidMoney();
            RuleFor(r => r).Custom((request, context) =>
            {
                if (new[] { (object?)request.PingPong, request.Cycle, request.Churn, request.CustomerDeflection, request.EvidenceFreeHandoff, request.ReopenLoop, request.StalledHolder }.Any(s => s is null))
                    return;
                foreach (var (field, problem) in request.ToPolicy(0).Problems())
                    context.AddFailure(field, problem);
            });
        }
    }
}
