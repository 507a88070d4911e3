using System.Globalization;
using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.StatusPage.View;

/// <summary>The customer's status page, as HTML for people or JSON for the store's apps (Accept, or the .json link).</summary>
public sealed class Endpoint(StatusPageReader reader, StatusForms forms, RenderedPages rendered, TimeProvider clock)
    : EndpointWithoutRequest<StatusPageView>
{
    public override void Configure()
    {
        Get("status/{token}");
        RoutePrefixOverride("");
        AllowAnonymous();
        Summary(new OperationText("The customer's status page",
            "The customer's status page: where the complaint stands, who has it, what happens next, and what has happened. " +
            "HTML by default; JSON with Accept: application/json or a link ending in .json. ETag and 304 supported.").Apply);
        Description(d => d.Produces(304).ProducesProblems(404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var raw = Route<string>("token") ?? "";
        var jsonLink = raw.EndsWith(".json", StringComparison.Ordinal);
        var token = jsonLink ? raw[..^5] : raw;
        var html = PageResponses.WantsHtml(HttpContext.Request, jsonLink);
        if (await reader.FindAsync(token, ct) is not { } found)
        {
            await StatusPageResponses.NotFoundAsync(HttpContext, html);
            return;
        }

        StatusPageResponses.Secure(HttpContext.Response);
        var etag = $"W/\"{found.Page.Status.Version}.{found.Policy.Version}.{(html ? "h" : "j")}.{CultureInfo.CurrentUICulture.Name}\"";
        HttpContext.Response.Headers.ETag = etag;
        if (HttpContext.Request.Headers.IfNoneMatch == etag)
        {
            await Send.NotModifiedAsync(ct);
            return;
        }
        if (!html)
        {
            await Send.OkAsync(found.View(clock.GetUtcNow()), ct);
            return;
        }
        // After a form, the page thanks the customer for what they did: the action names its own thank-you text.
        var notice = Query<string>("done", isRequired: false) is { Length: > 0 } done ? StatusText.Find($"Done_{done}") : null;
        string Render() => StatusPageHtml.Page(found.View(clock.GetUtcNow()), token, forms.Seal(found.Page.Id, found.Page.Status.Version), notice, error: null);
        var page = notice is null ? rendered.GetOrRender($"{found.Page.Id}:{etag}", Render) : Render();
        await Send.StringAsync(page, StatusCodes.Status200OK, PageHeaders.HtmlType, ct);
    }
}
