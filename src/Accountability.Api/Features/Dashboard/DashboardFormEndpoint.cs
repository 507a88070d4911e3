using Accountability.Api.Features.Pages;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Problems;
using Accountability.Api.Setup;
using FastEndpoints;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Dashboard;

/// <summary>
/// A form posted from a dashboard page: refused when the browser says another site (or a sibling one) sent it, when it is
/// not a form, or when its sealed field was not made for this browser. Browsers get a page saying why; programs get a
/// problem naming the header or field.
/// </summary>
public abstract class DashboardFormEndpoint : EndpointWithoutRequest
{
    protected abstract Task HandleFormAsync(IFormCollection form, CancellationToken ct);

    /// <summary>The page a browser sees when the form is refused.</summary>
    protected abstract string RefusalPage(string reason);

    public override async Task HandleAsync(CancellationToken ct)
    {
        var publicAddress = Resolve<IOptions<AccountabilityOptions>>().Value.StatusPageBaseUrl;
        if (FormOrigin.Foreign(HttpContext.Request, publicAddress) is var (header, value))
        {
            var shown = value.Length > 100 ? value[..100] : value;
            await RefuseAsync(ProblemKind.Forbidden, DashboardText.Format("Error_SentFromElsewhere", header, shown), header);
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
        if (!await Resolve<DashboardForms>().IsValidAsync(HttpContext))
        {
            await RefuseAsync(ProblemKind.Validation, DashboardText.Get("Error_FormExpired"), DashboardForms.FieldName);
            return;
        }
        await HandleFormAsync(form, ct);
    }

    /// <param name="about">The header or form field that was wrong, named in the problem's errors.</param>
    protected async Task RefuseAsync(ProblemKind kind, string reason, string about)
    {
        DashboardResponses.Secure(HttpContext.Response);
        if (StatusPageResponses.WantsHtml(HttpContext.Request, jsonLink: false))
            await DashboardResponses.WriteAsync(HttpContext, kind.Status, RefusalPage(reason));
        else
            await ProblemResponse.WriteAsync(HttpContext, kind, reason, new Dictionary<string, string[]> { [about] = [reason] });
    }

    /// <summary>POST, redirect, GET: the browser lands on a page it can reload.</summary>
    protected async Task SeeOtherAsync(string location)
    {
        DashboardResponses.Secure(HttpContext.Response);
        HttpContext.Response.Headers.Location = location;
        await Send.StatusCodeAsync(StatusCodes.Status303SeeOther);
    }
}
