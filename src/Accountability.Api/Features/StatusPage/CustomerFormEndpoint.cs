using System.Security.Claims;
using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Pages;
using Accountability.Api.Problems;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.StatusPage;

/// <summary>
/// A form the customer sends from their status page: the token finds the complaint, the sealed form field proves the
/// page was ours, the decision is the customer's own, and the answer is a redirect back to the page (POST, redirect, GET).
/// Sending the same form twice replays the first outcome: one event, whatever the browser does.
/// </summary>
public abstract class CustomerFormEndpoint : EndpointWithoutRequest
{
    protected abstract string Action { get; }

    protected abstract string Purpose { get; }

    /// <summary>What is wrong with the form's fields, in the customer's words; null when they can be used.</summary>
    protected abstract string? Invalid(IFormCollection form);

    protected abstract Decision Decide(Complaint state, IFormCollection form, DecisionContext context);

    public override void Configure()
    {
        Post($"status/{{token}}/{Action}");
        RoutePrefixOverride("");
        AllowAnonymous();
        Summary(s => s.Summary = $"{Purpose} A form post from the status page (application/x-www-form-urlencoded, with its sealed 'form' field); answers 303 back to the page.");
        Description(d => d.Produces(303).ProducesProblems(400, 403, 404, 409, 415));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var token = Route<string>("token") ?? "";
        var html = StatusPageResponses.WantsHtml(HttpContext.Request, jsonLink: false);
        if (await Resolve<StatusPageReader>().FindAsync(token, ct) is not { } found)
        {
            await StatusPageResponses.NotFoundAsync(HttpContext, html);
            return;
        }
        if (HttpContext.Request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            await RefuseAsync(found, token, html, ProblemKind.Forbidden, StatusText.Get("Error_CrossSite"));
            return;
        }
        if (!HttpContext.Request.HasFormContentType)
            throw new ProblemException(ProblemKind.UnsupportedMediaType, "Send the status page's form as application/x-www-form-urlencoded.");
        IFormCollection form;
        try
        {
            form = await HttpContext.Request.ReadFormAsync(ct);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProblemException(ProblemKind.MalformedRequest, unreadable.Message);
        }
        if (Resolve<StatusForms>().VersionOf(form[StatusForms.FieldName], found.Page.Id) is not { } version)
        {
            await RefuseAsync(found, token, html, ProblemKind.Validation, StatusText.Get("Error_FormExpired"));
            return;
        }
        if (Invalid(form) is { } invalid)
        {
            await RefuseAsync(found, token, html, ProblemKind.Validation, StatusText.Format("Error_Invalid", invalid));
            return;
        }

        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(KeyClaims.Tenant, found.Page.Tenant), new Claim(KeyClaims.Party, CustomerDecisions.Customer.PartyId)], "tracking-link"));
        var once = new Idempotency($"{CustomerDecisions.Customer.PartyId}:status-form:{found.Page.Id:N}:{version}:{Action}", Action);
        try
        {
            await Resolve<IMediator>().Send(new ActOnComplaint(found.Page.Id, CustomerDecisions.Customer, null, once, (s, c) => Decide(s, form, c)), ct);
        }
        catch (ProblemException refused) when (refused.Kind.Status is 403 or 409 or 422)
        {
            await RefuseAsync(found, token, html, refused.Kind, StatusText.Get(ErrorKey(refused.Kind)));
            return;
        }
        StatusPageResponses.Secure(HttpContext.Response);
        HttpContext.Response.Headers.Location = $"/status/{token}?done={Action}";
        await Send.StatusCodeAsync(StatusCodes.Status303SeeOther, ct);
    }

    /// <summary>Nothing was written: the page again with the reason on top (for people), or a problem (for apps).</summary>
    private async Task RefuseAsync(FoundPage found, string token, bool html, ProblemKind kind, string reason)
    {
        StatusPageResponses.Secure(HttpContext.Response);
        if (!html)
        {
            await ProblemResponse.WriteAsync(HttpContext, kind, reason);
            return;
        }
        var view = found.View(Resolve<TimeProvider>().GetUtcNow());
        var page = StatusPageHtml.Page(view, token, Resolve<StatusForms>().Seal(found.Page.Id, view.Version), notice: null, error: reason);
        await Send.StringAsync(page, kind.Status, PageHeaders.HtmlType);
    }

    private static string ErrorKey(ProblemKind kind) => kind.Slug switch
    {
        "not-awaiting-information" => "Error_NotAwaitingInformation",
        "no-fix-proposed" => "Error_NoFixProposed",
        "reopen-window-expired" => "Error_ReopenWindowExpired",
        "not-resolved" => "Error_NotResolved",
        _ => "Error_Other",
    };

    /// <summary>An optional text field, trimmed; null when empty.</summary>
    protected static string? Optional(IFormCollection form, string field) => form[field].ToString().Trim() is { Length: > 0 } text ? text : null;

    protected static string? TooLong(string? text) =>
        text?.Length > CustomerInput.MaxLength ? $"at most {CustomerInput.MaxLength} characters" : null;
}
