using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.StatusPage.ConfirmFix;

public sealed class Endpoint : CustomerFormEndpoint
{
    protected override string Action => "confirmation";

    protected override string Purpose => "The customer confirms the proposed fix worked.";

    protected override IComplaintCommand Command(IFormCollection form) => new Domain.Decisions.ConfirmFix();
}
