using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.StatusPage.ReportStillBroken;

public sealed class Endpoint : CustomerFormEndpoint
{
    protected override string Action => "still-broken";

    protected override string Purpose =>
        "The customer says it is still broken: a proposed fix is rejected, a resolved complaint (or a closed one within the reopen window) is reopened.";

    protected override IEnumerable<(string Field, int MaxLength)> FreeText => [("comment", CustomerInput.MaxLength)];

    protected override IComplaintCommand Command(IFormCollection form) => new Domain.Decisions.ReportStillBroken(Optional(form, "comment"));
}
