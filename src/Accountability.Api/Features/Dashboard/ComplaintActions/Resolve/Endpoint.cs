using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using ApiRequest = Accountability.Api.Features.Complaints.Resolve.Request;

namespace Accountability.Api.Features.Dashboard.ComplaintActions.Resolve;

public sealed class Endpoint : ComplaintFormEndpoint<ApiRequest, ApiRequest.Validator>
{
    protected override string Action => ActionRoutes.Resolve;

    protected override string Purpose => "The operator, holding the complaint, resolves it (fields 'rootCause', 'liableParty', 'remedy').";

    protected override ApiRequest Read(ActionForm form) => new(form.Choice<RootCause>("rootCause"), form.Text("liableParty"), form.Text("remedy"));

    protected override IComplaintCommand Command(ApiRequest request) => request.Command();
}
