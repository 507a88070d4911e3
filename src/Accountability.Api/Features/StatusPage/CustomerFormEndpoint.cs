using System.Security.Claims;
using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.StatusPage;

/// <summary>
/// A form the customer sends from their status page: the token finds the complaint, the sealed form field proves the
/// page was ours (for this complaint, at the version it showed), the decision is the customer's own, and the answer is
/// a redirect back to the page. Sending the same form twice replays the first outcome: one event, whatever the browser does.
/// </summary>
public abstract class CustomerFormEndpoint : PageFormEndpoint
{
    private FoundPage found = null!;
    private long? version;

    protected abstract string Action { get; }

    protected abstract string Purpose { get; }

    protected abstract IComplaintCommand Command(IFormCollection form);

    /// <summary>The field that cannot be used, with what is wrong in the customer's words; null when the fields can be used.</summary>
    protected virtual (string Field, string Reason)? Invalid(IFormCollection form) => null;

    private string Token => Route<string>("token") ?? "";

    public override void Configure()
    {
        Post($"status/{{token}}/{Action}");
        RoutePrefixOverride("");
        AllowAnonymous();
        Summary(s =>
        {
            s.Summary = Purpose;
            s.Description = $"{Purpose} A form post from the customer's status page (application/x-www-form-urlencoded, with its sealed 'form' field), " +
                "not an API call: it answers 303 back to the page, or the page again with the refusal as a message.";
        });
        Description(d => d.Produces(303).ProducesProblems(400, 403, 404, 409, 415));
    }

    protected override void Secure(HttpResponse response) => StatusPageResponses.Secure(response);

    protected override async Task<bool> FindAsync(CancellationToken ct)
    {
        if (await Resolve<StatusPageReader>().FindAsync(Token, ct) is { } page)
        {
            found = page;
            return true;
        }
        await StatusPageResponses.NotFoundAsync(HttpContext, PageResponses.WantsHtml(HttpContext.Request));
        return false;
    }

    protected override Task<bool> IsSealedAsync(IFormCollection form)
    {
        version = Resolve<StatusForms>().VersionOf(form[SealField], found.Page.Id);
        return Task.FromResult(version is not null);
    }

    protected override string SentFromElsewhere(string header, string value) => StatusText.Get("Error_CrossSite");

    protected override string Expired() => StatusText.Get("Error_FormExpired");

    protected override string TooLong(string field, int maxLength) => StatusText.Format("Error_Invalid", $"at most {maxLength} characters");

    /// <summary>The page again, with the reason on top.</summary>
    protected override string RefusalPage(string reason)
    {
        var view = found.View(Resolve<TimeProvider>().GetUtcNow());
        return StatusPageHtml.Page(view, Token, Resolve<StatusForms>().Seal(found.Page.Id, view.Version), notice: null, error: reason);
    }

    protected override async Task HandleFormAsync(IFormCollection form, CancellationToken ct)
    {
        if (Invalid(form) is var (field, invalid))
        {
            await RefuseAsync(ProblemKind.Validation, StatusText.Format("Error_Invalid", invalid), field);
            return;
        }
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(KeyClaims.Tenant, found.Page.Tenant), new Claim(KeyClaims.Party, CustomerDecisions.Customer.PartyId)], "tracking-link"));
        var once = new Idempotency($"{CustomerDecisions.Customer.PartyId}:status-form:{found.Page.Id:N}:{version}:{Action}", Action);
        try
        {
            await Resolve<IMediator>().SendCommandAsync(new ActOnComplaint(found.Page.Id, CustomerDecisions.Customer, null, once, Command(form)), HttpContext.Response, ct);
        }
        catch (ProblemException refused) when (refused.Kind.Status is 403 or 409 or 422)
        {
            await RefuseAsync(refused.Kind, StatusText.Get(ErrorKey(refused.Kind)), about: null);
            return;
        }
        await SeeOtherAsync($"/status/{Token}?done={Action}");
    }

    private static string ErrorKey(ProblemKind kind) => kind.Slug switch
    {
        "not-awaiting-information" => "Error_NotAwaitingInformation",
        "no-fix-proposed" => "Error_NoFixProposed",
        "reopen-window-expired" => "Error_ReopenWindowExpired",
        "not-resolved" => "Error_NotResolved",
        "step-in-not-allowed" => "Error_StepInNotAllowed",
        "step-in-already-asked" => "Error_StepInAlreadyAsked",
        _ => "Error_Other",
    };

    /// <summary>An optional text field, trimmed; null when empty.</summary>
    protected static string? Optional(IFormCollection form, string field) => form[field].ToString().Trim() is { Length: > 0 } text ? text : null;
}
