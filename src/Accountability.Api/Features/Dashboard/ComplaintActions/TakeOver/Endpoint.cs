using Accountability.Api.Auth;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using ApiRequest = Accountability.Api.Features.Complaints.Assign.Request;

namespace Accountability.Api.Features.Dashboard.ComplaintActions.TakeOver;

/// <summary>The marketplace takes the complaint over: an assignment to the operator's own party (the store), as the API's.</summary>
public sealed class Endpoint : ComplaintFormEndpoint<ApiRequest, ApiRequest.Validator>
{
    protected override string Action => ActionRoutes.TakeOver;

    protected override string Purpose => "The operator takes the complaint over for the marketplace: an assignment to the store, with an optional reason code and note (fields 'reason', 'note').";

    protected override ApiRequest Read(ActionForm form) => new(User.PartyId(), form.Choice<AssignmentReason>("reason"), form.Optional("note"));

    protected override IComplaintCommand Command(ApiRequest request) => request.Command();
}
