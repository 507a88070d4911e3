using Accountability.Api.Features.Complaints;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.StatusPage.ConfirmFix;

public sealed class Endpoint : CustomerFormEndpoint
{
    protected override string Action => "confirmation";

    protected override string Purpose => "The customer confirms the proposed fix worked.";

    protected override Decision Decide(Complaint state, IFormCollection form, DecisionContext context) =>
        CustomerDecisions.ConfirmFix(state, context.Now);
}
