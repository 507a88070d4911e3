using Accountability.Domain.Decisions;
using ApiRequest = Accountability.Api.Features.Complaints.Reopen.Request;

namespace Accountability.Api.Features.Dashboard.ComplaintActions.Reopen;

public sealed class Endpoint : ComplaintFormEndpoint<ApiRequest, ApiRequest.Validator>
{
    protected override string Action => ActionRoutes.Reopen;

    protected override string Purpose => "The operator reopens a resolved complaint, or a closed one within the reopen window, at the customer's request (field 'reason').";

    protected override ApiRequest Read(ActionForm form) => new(form.Text("reason"));

    protected override IComplaintCommand Command(ApiRequest request) => request.Command();
}
