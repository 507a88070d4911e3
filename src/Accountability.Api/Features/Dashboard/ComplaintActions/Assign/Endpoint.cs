using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using ApiRequest = Accountability.Api.Features.Complaints.Assign.Request;

namespace Accountability.Api.Features.Dashboard.ComplaintActions.Assign;

public sealed class Endpoint : ComplaintFormEndpoint<ApiRequest, ApiRequest.Validator>
{
    protected override string Action => ActionRoutes.Assign;

    protected override string Purpose => "The operator assigns the complaint to another party, with an optional reason code and note (fields 'to', 'reason', 'note').";

    protected override ApiRequest Read(ActionForm form) => new(form.Text("to"), form.Choice<AssignmentReason>("reason"), form.Optional("note"));

    protected override IComplaintCommand Command(ApiRequest request) => request.Command();
}
