using System.Text.Json;
using Accountability.Api.Tests.OpenApi;

namespace Accountability.Api.Tests.Security;

/// <summary>What an endpoint's route names, and so whose it is.</summary>
public enum Owned
{
    /// <summary>The admin creates tenants; no tenant owns the route.</summary>
    Admin,
    /// <summary>No id: the key's own tenant (and, for a vendor, its own items) is all it reaches.</summary>
    CallersTenant,
    Complaint,
    ApiKey,
    Webhook,
    Delivery,
    Problem,
    /// <summary>An event the background work set aside; only a poisoned node makes one, so its isolation is tested in Operations/SetAsideEventTests.</summary>
    SetAsideEvent,
    /// <summary>Anonymous by design: the token is the key.</summary>
    StatusPage,
    /// <summary>The operator's dashboard: HTML pages behind a session cookie, which reach the session's own tenant only (tests in Dashboard/).</summary>
    Dashboard,
}

/// <summary>
/// Every route of the committed OpenAPI document, with what it names and a body that passes validation, so a refusal
/// comes from ownership, not shape. A new route must be added here.
/// </summary>
public static class EndpointCatalog
{
    public static readonly IReadOnlyDictionary<string, (Owned Owner, object? Body)> Routes = new Dictionary<string, (Owned, object?)>
    {
        ["POST /api/admin/tenants"] = (Owned.Admin, null),
        ["GET /api/api-keys"] = (Owned.CallersTenant, null),
        ["POST /api/api-keys"] = (Owned.CallersTenant, null),
        ["DELETE /api/api-keys/{id}"] = (Owned.ApiKey, null),
        ["GET /api/complaints"] = (Owned.CallersTenant, null),
        ["POST /api/complaints"] = (Owned.CallersTenant, null),
        ["GET /api/complaints/{id}"] = (Owned.Complaint, null),
        ["POST /api/complaints/{id}/acknowledgement"] = (Owned.Complaint, null),
        ["POST /api/complaints/{id}/assignment"] = (Owned.Complaint, new { to = "photon" }),
        ["POST /api/complaints/{id}/charges/{chargeId}/reversal"] = (Owned.Complaint, new { reason = "Not their fault" }),
        ["POST /api/complaints/{id}/charges/{chargeId}/appeal"] = (Owned.Complaint, new { statement = "Not our fault", evidence = new[] { "log-1" } }),
        ["POST /api/complaints/{id}/charges/{chargeId}/appeal/decision"] = (Owned.Complaint, new { outcome = "Upheld", reason = "The logs show it" }),
        ["POST /api/complaints/{id}/closure"] = (Owned.Complaint, null),
        ["POST /api/complaints/{id}/cancellation"] = (Owned.Complaint, new { reason = "Withdrawn" }),
        ["POST /api/complaints/{id}/customer-redirections"] = (Owned.Complaint, new { redirectedTo = "store", message = "Ask the store" }),
        ["GET /api/complaints/{id}/flags"] = (Owned.Complaint, null),
        ["POST /api/complaints/{id}/handoffs"] = (Owned.Complaint, new { to = "photon", reason = "WrongParty", evidence = new[] { "log-1" } }),
        ["POST /api/complaints/{id}/information"] = (Owned.Complaint, new { answer = "It is version 2" }),
        ["POST /api/complaints/{id}/information-requests"] = (Owned.Complaint, new { question = "Which version?" }),
        ["POST /api/complaints/{id}/evidence-requests"] = (Owned.Complaint, new { party = "acme", reason = "Refund disputed", needed = "Refund records", dueInHours = 12 }),
        ["POST /api/complaints/{id}/evidence-requests/{requestId}/answer"] = (Owned.Complaint, new { evidence = new[] { "refund-1" } }),
        ["POST /api/complaints/{id}/reopening"] = (Owned.Complaint, new { reason = "Still broken" }),
        ["POST /api/complaints/{id}/resolution"] = (Owned.Complaint, new { rootCause = "ProductDefect", liableParty = "photon", remedy = "Refund" }),
        ["POST /api/complaints/{id}/resolution-proposals"] = (Owned.Complaint, new { summary = "Update the app" }),
        ["POST /api/complaints/{id}/third-party-responses"] = (Owned.Complaint, new { answer = "Released" }),
        ["POST /api/complaints/{id}/third-party-waits"] = (Owned.Complaint, new { thirdParty = "Carrier" }),
        ["GET /api/complaints/{id}/timeline"] = (Owned.Complaint, null),
        ["DELETE /api/complaints/{id}/tracking-link"] = (Owned.Complaint, null),
        ["POST /api/complaints/{id}/tracking-link"] = (Owned.Complaint, null),
        ["GET /api/flags"] = (Owned.CallersTenant, null),
        ["POST /api/imports"] = (Owned.CallersTenant, null),
        ["POST /api/parties"] = (Owned.CallersTenant, null),
        ["GET /api/parties"] = (Owned.CallersTenant, null),
        ["GET /api/parties/{id}/standing"] = (Owned.CallersTenant, null),
        ["POST /api/parties/{id}/standing/decision"] = (Owned.CallersTenant, new { decision = "reinstate", reason = "Plan of action accepted" }),
        ["POST /api/parties/{id}/standing/evaluation"] = (Owned.CallersTenant, null),
        ["PUT /api/policy"] = (Owned.CallersTenant, null),
        ["GET /api/scorecards/parties"] = (Owned.CallersTenant, null),
        ["GET /api/scorecards/products"] = (Owned.CallersTenant, null),
        ["GET /api/statements"] = (Owned.CallersTenant, null),
        ["GET /api/policy"] = (Owned.CallersTenant, null),
        ["POST /api/policy/what-if"] = (Owned.CallersTenant, null),
        ["POST /api/policy/rejudge"] = (Owned.CallersTenant, new { dryRun = true }),
        ["GET /api/problems"] = (Owned.CallersTenant, null),
        ["POST /api/problems"] = (Owned.CallersTenant, null),
        ["GET /api/problems/{id}"] = (Owned.Problem, null),
        ["POST /api/problems/{id}/links"] = (Owned.Problem, new { complaintId = "0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b" }),
        ["DELETE /api/problems/{id}/links/{complaintId}"] = (Owned.Problem, null),
        ["POST /api/problems/{id}/owner"] = (Owned.Problem, new { owner = "photon" }),
        ["POST /api/problems/{id}/resolution"] = (Owned.Problem, new { rootCause = "ProductDefect", explanation = "A bad build", fix = "Update" }),
        ["POST /api/problems/{id}/root-cause"] = (Owned.Problem, new { rootCause = "ProductDefect", explanation = "A bad build" }),
        ["GET /api/set-aside-events"] = (Owned.CallersTenant, null),
        ["POST /api/set-aside-events/{id}/retry"] = (Owned.SetAsideEvent, null),
        ["POST /api/webhooks"] = (Owned.CallersTenant, null),
        ["GET /api/webhooks"] = (Owned.CallersTenant, null),
        ["PUT /api/webhooks/{id}"] = (Owned.Webhook, new { url = "http://127.0.0.1:9/taken", eventTypes = new[] { "complaint.closed" }, enabled = false }),
        ["DELETE /api/webhooks/{id}"] = (Owned.Webhook, null),
        ["GET /api/webhooks/{id}/deliveries"] = (Owned.Webhook, null),
        ["POST /api/webhooks/{id}/deliveries/{deliveryId}/redelivery"] = (Owned.Delivery, null),
        ["POST /api/webhooks/{id}/secret-rotation"] = (Owned.Webhook, null),
        ["GET /dashboard"] = (Owned.Dashboard, null),
        ["GET /dashboard/complaints/{id}"] = (Owned.Dashboard, null),
        ["POST /dashboard/complaints/{id}/assign"] = (Owned.Dashboard, null),
        ["POST /dashboard/complaints/{id}/close"] = (Owned.Dashboard, null),
        ["POST /dashboard/complaints/{id}/propose-fix"] = (Owned.Dashboard, null),
        ["POST /dashboard/complaints/{id}/reopen"] = (Owned.Dashboard, null),
        ["POST /dashboard/complaints/{id}/request-information"] = (Owned.Dashboard, null),
        ["POST /dashboard/complaints/{id}/resolve"] = (Owned.Dashboard, null),
        ["POST /dashboard/complaints/{id}/take-over"] = (Owned.Dashboard, null),
        ["GET /dashboard/due"] = (Owned.Dashboard, null),
        ["GET /dashboard/liability"] = (Owned.Dashboard, null),
        ["GET /dashboard/sign-in"] = (Owned.Dashboard, null),
        ["POST /dashboard/sign-in"] = (Owned.Dashboard, null),
        ["POST /dashboard/sign-out"] = (Owned.Dashboard, null),
        ["GET /status/{token}"] = (Owned.StatusPage, null),
        ["POST /status/{token}/answer"] = (Owned.StatusPage, null),
        ["POST /status/{token}/confirmation"] = (Owned.StatusPage, null),
        ["POST /status/{token}/rating"] = (Owned.StatusPage, null),
        ["POST /status/{token}/still-broken"] = (Owned.StatusPage, null),
        ["POST /status/{token}/step-in"] = (Owned.StatusPage, null),
    };

    /// <summary>"METHOD /route" for every operation of openapi/accountability.v1.json.</summary>
    public static IReadOnlyList<string> Documented()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "openapi", "accountability.v1.json")));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))];
    }

    /// <summary>The routes that name one thing of <paramref name="owner"/>'s kind or below it.</summary>
    public static IEnumerable<(HttpMethod Method, string Route, object? Body)> Naming(params Owned[] owners) =>
        Routes.Where(r => owners.Contains(r.Value.Owner))
            .Select(r => (new HttpMethod(r.Key.Split(' ')[0]), r.Key.Split(' ')[1], r.Value.Body));
}
