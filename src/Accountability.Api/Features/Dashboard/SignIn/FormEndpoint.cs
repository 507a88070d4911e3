using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.Dashboard.SignIn;

/// <summary>The sign-in page: the operator pastes an operator key into a form; it is posted, never put in an address.</summary>
public sealed class FormEndpoint(DashboardForms forms) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("dashboard/sign-in");
        RoutePrefixOverride("");
        AllowAnonymous();
        Summary(new OperationText("The dashboard's sign-in page",
            "The dashboard's sign-in page (HTML): a form for an operator key.").Apply);
        Description(d => d.Produces(200, contentType: "text/html"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var notice = Query<string>("ended", isRequired: false) is not null ? DashboardText.Get("SignIn_Ended")
            : Query<string>("signed-out", isRequired: false) is not null ? DashboardText.Get("SignIn_SignedOut")
            : null;
        var page = SignInHtml.Page(forms.Seal(HttpContext), notice, error: null);
        await PageResponses.WriteAsync(HttpContext, StatusCodes.Status200OK, page);
    }
}
