using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.Dashboard.SignIn;

/// <summary>
/// Signs an operator in: the posted key must be an active operator key. The answer sets a session cookie (the key itself
/// is never kept by the browser) and sends the browser to the overview.
/// </summary>
public sealed class Endpoint(ApiKeyStore keys, DashboardSessions sessions, DashboardForms forms) : DashboardFormEndpoint
{
    public override void Configure()
    {
        Post("dashboard/sign-in");
        RoutePrefixOverride("");
        AllowAnonymous();
        Summary(new OperationText("Sign in to the dashboard",
            "Signs in to the dashboard with an operator key: a form post (application/x-www-form-urlencoded, fields 'key' and the sealed 'form'); " +
            "answers 303 to the dashboard with a session cookie. Vendor keys are refused.").Apply);
        Description(d => d.ClearDefaultProduces(204).Produces(303).ProducesProblems(400, 401, 403, 415, 429));
    }

    protected override IEnumerable<(string Field, int MaxLength)> FreeText => [(SignInHtml.KeyField, SignInHtml.KeyMaxLength)];

    protected override string RefusalPage(string reason) => SignInHtml.Page(forms.Seal(HttpContext), notice: null, error: reason);

    protected override async Task HandleFormAsync(IFormCollection form, CancellationToken ct)
    {
        var presented = form[SignInHtml.KeyField].ToString().Trim();
        if (await keys.FindActiveAsync(presented, ct) is not { } key)
        {
            await RefuseAsync(ProblemKind.Unauthenticated, DashboardText.Get("SignIn_UnknownKey"), SignInHtml.KeyField);
            return;
        }
        if (key.Role != ApiKeyRole.Operator)
        {
            await RefuseAsync(ProblemKind.Forbidden, DashboardText.Get("SignIn_VendorKey"), SignInHtml.KeyField);
            return;
        }
        var (cookie, session) = await sessions.OpenAsync(key, ct);
        DashboardCookie.Write(HttpContext, cookie, session.ExpiresAt);
        await SeeOtherAsync(DashboardRoutes.Overview);
    }
}
