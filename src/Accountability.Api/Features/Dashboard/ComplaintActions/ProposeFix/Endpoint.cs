using Accountability.Domain.Decisions;
using ApiRequest = Accountability.Api.Features.Complaints.ProposeResolution.Request;

namespace Accountability.Api.Features.Dashboard.ComplaintActions.ProposeFix;

public sealed class Endpoint : ComplaintFormEndpoint<ApiRequest, ApiRequest.Validator>
{
    protected override string Action => ActionRoutes.ProposeFix;

    protected override string Purpose => "The operator, holding the complaint, proposes a fix for the customer to try (field 'summary').";

    protected override ApiRequest Read(ActionForm form) => new(form.Text("summary"));

    protected override IComplaintCommand Command(ApiRequest request) => request.Command();
}
