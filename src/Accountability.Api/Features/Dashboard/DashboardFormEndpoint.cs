using Accountability.Api.Features.StatusPage;
using Accountability.Api.Problems;
using FastEndpoints;

namespace Accountability.Api.Features.Dashboard;

/// <summary>
/// A form posted from a dashboard page: refused when another site sent it, when it is not a form, or when its sealed
/// field is not one this service made for it. Browsers get a page saying why; programs get a problem.
/// </summary>
public abstract class DashboardFormEndpoint : EndpointWithoutRequest
{
    /// <summary>What the form's seal must be bound to.</summary>
    protected abstract string SealedFor { get; }

    protected abstract Task HandleFormAsync(IFormCollection form, CancellationToken ct);

    /// <summary>The page a browser sees when the form is refused.</summary>
    protected abstract string RefusalPage(string reason);

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (HttpContext.Request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            await RefuseAsync(ProblemKind.Forbidden, DashboardText.Get("Error_CrossSite"));
            return;
        }
        if (!HttpContext.Request.HasFormContentType)
            throw new ProblemException(ProblemKind.UnsupportedMediaType, "Send the dashboard's form as application/x-www-form-urlencoded.");
        IFormCollection form;
        try
        {
            form = await HttpContext.Request.ReadFormAsync(ct);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProblemException(ProblemKind.MalformedRequest, unreadable.Message);
        }
        if (!Resolve<DashboardForms>().IsValid(form[DashboardForms.FieldName], SealedFor))
        {
            await RefuseAsync(ProblemKind.Validation, DashboardText.Get("Error_FormExpired"));
            return;
        }
        await HandleFormAsync(form, ct);
    }

    protected async Task RefuseAsync(ProblemKind kind, string reason)
    {
        DashboardResponses.Secure(HttpContext.Response);
        if (StatusPageResponses.WantsHtml(HttpContext.Request, jsonLink: false))
            await DashboardResponses.WriteAsync(HttpContext, kind.Status, RefusalPage(reason));
        else
            await ProblemResponse.WriteAsync(HttpContext, kind, reason);
    }

    /// <summary>POST, redirect, GET: the browser lands on a page it can reload.</summary>
    protected async Task SeeOtherAsync(string location)
    {
        DashboardResponses.Secure(HttpContext.Response);
        HttpContext.Response.Headers.Location = location;
        await Send.StatusCodeAsync(StatusCodes.Status303SeeOther);
    }
}
