using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Setup;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.OpenApi;
using Accountability.Api.Tests.StatusPage;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// Every operation of the committed OpenAPI document, reads included, sent with one defect at a time on an otherwise
/// valid request: each answers a 4xx problem whose errors name the field, parameter or header that was wrong (or a 404
/// for an id of the route), none a 5xx, and the store is the same afterwards, row for row.
/// </summary>
[Category("api")]
[NonParallelizable] // its snapshot of the store covers whole tables without a tenant column, where other fixtures write
public sealed class MalformedInputCorpusTests
{
    private const int Seed = 20261125;
    private const int Parallel = 8;

    [Test]
    public async Task Every_request_with_one_defect_is_a_4xx_problem_naming_it_and_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var other = await Marketplace.CreateAsync();
        var targets = await SeedAsync(market, other);
        var operations = ApiOperation.FromOpenApi(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "openapi", "accountability.v1.json"));
        var generator = new MalformedRequests(targets, new Random(Seed), BodyLimit);
        var corpus = operations.SelectMany(generator.For).ToList();
        var before = await StoreSnapshot.TakeAsync(market.Id, other.Id);

        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = ServiceUnderTest.BaseAddress };
        await System.Threading.Tasks.Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (request, _) =>
        {
            var (status, failure) = await SendAsync(http, request);
            statuses.GetOrAdd(request.Endpoint, _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
            if (failure is not null)
                failures.Add($"{request}: {failure}");
        });
        clock.Stop();

        TestContext.Out.WriteLine($"{corpus.Count} requests, one defect each, to {operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s; "
            + $"store compared on {before.Count} rows");
        foreach (var (endpoint, counts) in statuses.OrderBy(s => s.Key))
            TestContext.Out.WriteLine($"  {endpoint}: {counts.Values.Sum()} ({string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"))})");
        var failuresFile = Path.Combine(TestContext.CurrentContext.WorkDirectory, "corpus-failures.txt");
        await File.WriteAllLinesAsync(failuresFile, failures.OrderBy(f => f));
        Assert.That(statuses.Keys, Is.EquivalentTo(operations.Select(o => o.Name)), "every operation is tried");
        Assert.That(failures.OrderBy(f => f).Take(40), Is.Empty, $"{failures.Count} of {corpus.Count} requests were not refused with a 4xx problem naming their defect (all in {failuresFile})");
        var after = await StoreSnapshot.TakeAsync(market.Id, other.Id);
        Assert.That(after, Is.EqualTo(before), $"a refused request must not write: gone {string.Join(", ", before.Except(after))}; new {string.Join(", ", after.Except(before))}");
    }

    private static long BodyLimit(ApiOperation operation) => operation.Template == "/api/imports"
        ? Features.Imports.Upload.Request.MaxBytes
        : ServiceUnderTest.Services.GetRequiredService<IOptions<AccountabilityOptions>>().Value.MaxRequestBodyBytes;

    private static async Task<(int Status, string? Failure)> SendAsync(HttpClient http, MalformedRequest request)
    {
        try
        {
            using var message = request.ToMessage();
            using var response = await http.SendAsync(message);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status is < 400 or >= 500)
                return (status, $"{status} {body[..Math.Min(body.Length, 300)]}");
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return (status, $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (!root.TryGetProperty("type", out _) || !root.TryGetProperty("title", out _) || !root.TryGetProperty("status", out var s) || s.GetInt32() != status)
                return (status, $"{status} problem without type, title or status: {body}");
            var keys = root.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
            return request.IsNamedBy(keys, status) ? (status, null) : (status, $"{status} does not name '{request.Names}': {body[..Math.Min(body.Length, 300)]}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or IOException)
        {
            return (0, ex.Message);
        }
    }

    /// <summary>A complaint acme holds, awaiting the customer's answer on its status page, an API key, a webhook endpoint with one delivery, a problem linking the complaint.</summary>
    private static async Task<CorpusTargets> SeedAsync(Marketplace market, Marketplace other)
    {
        var hook = await market.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "complaint.assigned" }, partyId = "acme" }, 201);
        var filed = await market.FileAsync();
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/information-requests", new { question = "Which version?" });
        var deliveries = await market.Operator.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries");
        var key = await market.Operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = "photon", name = "spare" }, 201);
        var problem = await market.Operator.PostJsonAsync<ProblemView>("/api/problems", new { product = "Photo Pro", category = "crash", summary = "Keeps crashing" }, 201);
        await market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem.Id}/links", new { complaintId = filed.Id });
        // A vendor only this marketplace has: another marketplace's key finds no such party.
        await market.Operator.PostJsonAsync<object>("/api/parties", new { id = "corpus-vendor", displayName = "Corpus Vendor" }, 201);
        var customer = new Customer(filed.TrackingLink!);
        var seal = Customer.SealOf(await customer.ReadAsync());
        var ids = new Dictionary<string, string>
        {
            ["complaints"] = filed.Id.ToString(), ["api-keys"] = key.Id.ToString(), ["webhooks"] = hook.Endpoint.Id.ToString(),
            ["deliveries"] = deliveries[0].Id.ToString(), ["status"] = customer.Path.Split('/')[^1],
            ["problems"] = problem.Id.ToString(), ["links"] = filed.Id.ToString(), ["parties"] = "corpus-vendor",
            // Nothing is set aside in a healthy marketplace: a valid retry of this one is a 404, its defects are named first.
            ["set-aside-events"] = Guid.NewGuid().ToString(),
            // The complaint has no charge: a valid reversal is a 404, its defects are named first.
            ["charges"] = Guid.NewGuid().ToString(),
            // Nor is evidence asked: a valid answer is a 404 (no such request), its defects are named first.
            ["evidence-requests"] = Guid.NewGuid().ToString(),
        };
        return new CorpusTargets(market.Operator.Key!, market.Photon.Key!, other.Operator.Key!, ServiceUnderTest.AdminKey, ids["status"], seal, ids);
    }
}
