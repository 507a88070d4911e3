using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Dashboard.ComplaintPage;
using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using FastEndpoints;
using FluentValidation;
using Marten;
using MediatR;

namespace Accountability.Api.Features.Dashboard.ComplaintActions;

/// <summary>
/// A form from the complaint page's actions, taken as the API takes the same action: read into the API's own request,
/// checked by its own validator, sent as its own command (<see cref="ActOnComplaint"/>) through the same pipeline, at
/// the version the page showed. A refusal changes nothing and is the complaint page again, as it stands now, with the
/// refusal's words on it (a program gets the problem); success is a 303 back to the page. Sending the same form twice
/// replays the first outcome.
/// </summary>
public abstract class ComplaintFormEndpoint<TRequest, TValidator> : DashboardFormEndpoint
    where TRequest : notnull
    where TValidator : IValidator<TRequest>, new()
{
    private static readonly TValidator Validator = new();

    private ShownComplaint shown = null!;
    private KeptForm? sent;

    protected abstract string Action { get; }

    protected abstract string Purpose { get; }

    protected abstract TRequest Read(ActionForm form);

    protected abstract IComplaintCommand Command(TRequest request);

    private Guid ComplaintId => Route<Guid>("id");

    public override void Configure()
    {
        Post($"dashboard/complaints/{{id:guid}}/{Action}");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(new OperationText($"The dashboard's '{Action}' form",
            $"{Purpose} A form post from the dashboard's complaint page (application/x-www-form-urlencoded, with its sealed 'form' " +
            "field and the 'version' it showed): the API's own validation and command; answers 303 back to the page.").Apply);
        Description(d => d.ClearDefaultProduces(204).Produces(303).ProducesProblems(400, 401, 403, 404, 409, 412, 415, 422));
    }

    protected override async Task<bool> FindAsync(CancellationToken ct)
    {
        try
        {
            shown = await ShownComplaint.ReadAsync(Resolve<IDocumentStore>(), User, ComplaintId, ct);
            return true;
        }
        catch (ProblemException missing) when (missing.Kind == ProblemKind.NotFound && PageResponses.WantsHtml(HttpContext.Request))
        {
            await PageResponses.WriteAsync(HttpContext, StatusCodes.Status404NotFound,
                DashboardHtml.Message(DashboardText.Get("NotFound_Title"), DashboardText.Get("NotFound_Body"), Resolve<DashboardForms>().Seal(HttpContext)));
            return false;
        }
    }

    protected override string RefusalPage(string reason) =>
        shown.Page(HttpContext, Resolve<DashboardForms>().Seal(HttpContext), done: null, error: reason, sent);

    protected override async Task HandleFormAsync(IFormCollection form, CancellationToken ct)
    {
        sent = new KeptForm(Action, form);
        if (!long.TryParse(form[ComplaintActionsHtml.VersionField], out var version) || version < 1)
        {
            await RefuseAsync(ProblemKind.Validation, DashboardText.Get("Error_NoVersion"), ComplaintActionsHtml.VersionField);
            return;
        }
        var fields = new ActionForm(form);
        var request = Read(fields);
        if (fields.Problems.FirstOrDefault() is ({ } field, { } problem))
        {
            await RefuseAsync(ProblemKind.Validation, problem, field);
            return;
        }
        if (Validator.Validate(request) is { IsValid: false } invalid)
        {
            await RefuseAsync(ProblemKind.Validation, string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct()),
                ValidationProblems.FieldName(invalid.Errors[0].PropertyName));
            return;
        }
        var actor = User.Actor();
        var command = new ActOnComplaint(ComplaintId, actor, version, Once(actor, version, request), Command(request));
        try
        {
            await Resolve<IMediator>().SendCommandAsync(command, HttpContext.Response, ct);
        }
        catch (ProblemException refused) when (refused.Kind.Status is 403 or 409 or 412 or 422)
        {
            var changed = refused.Kind == ProblemKind.PreconditionFailed || refused.Kind == ProblemKind.ConcurrentUpdate;
            await RefuseAsync(refused.Kind, changed ? DashboardText.Get("Error_ChangedMeanwhile") : refused.Message,
                changed ? ComplaintActionsHtml.VersionField : refused.Errors?.Keys.FirstOrDefault());
            return;
        }
        await SeeOtherAsync($"{DashboardRoutes.Complaint(ComplaintId)}?done={Action}");
    }

    /// <summary>The same form sent again (a double click, a reload) is the same command: its first outcome is replayed.</summary>
    private Idempotency Once(Actor actor, long version, TRequest request)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Action}\n{JsonSerializer.Serialize(request)}")));
        return new Idempotency($"{actor.PartyId}:dashboard-form:{ComplaintId:N}:{version}:{fingerprint}", fingerprint);
    }
}
