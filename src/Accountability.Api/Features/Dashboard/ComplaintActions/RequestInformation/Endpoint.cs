using Accountability.Domain.Decisions;
using ApiRequest = Accountability.Api.Features.Complaints.RequestInformation.Request;

namespace Accountability.Api.Features.Dashboard.ComplaintActions.RequestInformation;

public sealed class Endpoint : ComplaintFormEndpoint<ApiRequest, ApiRequest.Validator>
{
    protected override string Action => ActionRoutes.RequestInformation;

    protected override string Purpose => "The operator, holding the complaint, asks the customer for information (field 'question').";

    protected override ApiRequest Read(ActionForm form) => new(form.Text("question"));

    protected override IComplaintCommand Command(ApiRequest request) => request.Command();
}
