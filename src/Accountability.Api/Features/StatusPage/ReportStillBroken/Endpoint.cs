using Accountability.Api.Features.Complaints;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.StatusPage.ReportStillBroken;

public sealed class Endpoint : CustomerFormEndpoint
{
    protected override string Action => "still-broken";

    protected override string Purpose =>
        "The customer says it is still broken: a proposed fix is rejected, a resolved complaint (or a closed one within the reopen window) is reopened.";

    protected override IEnumerable<(string Field, int MaxLength)> FreeText => [("comment", CustomerInput.MaxLength)];

    protected override Decision Decide(Complaint state, IFormCollection form, DecisionContext context) =>
        CustomerDecisions.ReportStillBroken(state, new Domain.Decisions.ReportStillBroken(Optional(form, "comment")), context.ReopenWindow, context.Now);
}
