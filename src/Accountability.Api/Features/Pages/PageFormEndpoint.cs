using Accountability.Api.Http;
using FastEndpoints;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Pages;

/// <summary>
/// A form posted from one of the service's pages, read the same way for all of them: refused when the browser says
/// another site (or a sibling one) sent it, when it is not a form, when its sealed field was not made for this browser
/// and page, or when a free-text field is longer than the page allows. Browsers get a page saying why; programs get a
/// problem naming the header or field. Each page says how its seal is checked, in which words, and on which page.
/// </summary>
public abstract class PageFormEndpoint : EndpointWithoutRequest
{
    public const string SealField = "form";

    /// <summary>The free-text fields the form accepts, each with the most characters it may hold once trimmed.</summary>
    protected virtual IEnumerable<(string Field, int MaxLength)> FreeText => [];

    /// <summary>Finds what the form is about before it is read; false when the answer (such as a 404) has been sent.</summary>
    protected virtual Task<bool> FindAsync(CancellationToken ct) => Task.FromResult(true);

    /// <summary>Whether the sealed field was made by this service for this browser (and what the form is about).</summary>
    protected abstract Task<bool> IsSealedAsync(IFormCollection form);

    protected abstract Task HandleFormAsync(IFormCollection form, CancellationToken ct);

    /// <summary>The page a browser sees when the form is refused.</summary>
    protected abstract string RefusalPage(string reason);

    protected abstract string SentFromElsewhere(string header, string value);

    protected abstract string Expired();

    protected abstract string TooLong(string field, int maxLength);

    /// <summary>The headers of every answer: the pages' own, and whatever the page adds.</summary>
    protected virtual void Secure(HttpResponse response) => PageHeaders.Apply(response);

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!await FindAsync(ct))
            return;
        var publicAddress = Resolve<IOptions<PublicAddressOptions>>().Value.StatusPageBaseUrl;
        if (FormOrigin.Foreign(HttpContext.Request, publicAddress) is var (header, value))
        {
            await RefuseAsync(ProblemKind.Forbidden, SentFromElsewhere(header, value.Length > 100 ? value[..100] : value), header);
            return;
        }
        var form = await ReadFormAsync(ct);
        if (!await IsSealedAsync(form))
        {
            await RefuseAsync(ProblemKind.Validation, Expired(), SealField);
            return;
        }
        foreach (var (field, maxLength) in FreeText)
        {
            if (form[field].ToString().Trim().Length > maxLength)
            {
                await RefuseAsync(ProblemKind.Validation, TooLong(field, maxLength), field);
                return;
            }
        }
        await HandleFormAsync(form, ct);
    }

    /// <summary>Nothing was done: a page saying why (for people), or a problem (for programs).</summary>
    /// <param name="about">The header or form field that was wrong, named in the problem's errors; null when no one field was.</param>
    protected async Task RefuseAsync(ProblemKind kind, string reason, string? about)
    {
        Secure(HttpContext.Response);
        if (PageResponses.WantsHtml(HttpContext.Request))
            await PageResponses.WriteAsync(HttpContext, kind.Status, RefusalPage(reason));
        else
            await ProblemResponse.WriteAsync(HttpContext, kind, reason, about is null ? null : new Dictionary<string, string[]> { [about] = [reason] });
    }

    /// <summary>POST, redirect, GET: the browser lands on a page it can reload.</summary>
    protected async Task SeeOtherAsync(string location)
    {
        Secure(HttpContext.Response);
        HttpContext.Response.Headers.Location = location;
        await Send.StatusCodeAsync(StatusCodes.Status303SeeOther);
    }

    private async Task<IFormCollection> ReadFormAsync(CancellationToken ct)
    {
        if (!HttpContext.Request.HasFormContentType)
            throw new ProblemException(ProblemKind.UnsupportedMediaType, "Send the page's form as application/x-www-form-urlencoded.");
        try
        {
            return await HttpContext.Request.ReadFormAsync(ct);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            throw new ProblemException(ProblemKind.MalformedRequest, unreadable.Message);
        }
    }
}
