using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.StatusPage.AskStoreToStepIn;

public sealed class Endpoint : CustomerFormEndpoint
{
    protected override string Action => "step-in";

    protected override string Purpose =>
        "The customer asks the store to step in, once the complaint was flagged in this episode (it bounced, or a deadline passed), once per episode; by the policy's default the store takes it over.";

    protected override IComplaintCommand Command(IFormCollection form) => new Domain.Decisions.AskStoreToStepIn();
}
