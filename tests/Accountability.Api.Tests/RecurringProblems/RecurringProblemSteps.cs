using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.RecurringProblems;

/// <summary>What the problem tests do over and over, through the API.</summary>
public static class RecurringProblemSteps
{
    public static async Task<ComplaintView> FileAboutAsync(this Marketplace market, string product, string category = "crash", string vendor = "acme")
    {
        var body = new { customerReference = "cust-1", product, vendorId = vendor, category, description = "Broken again", channel = "App" };
        return await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", body, 201);
    }

    public static Task<ProblemView> OpenProblemAsync(this Marketplace market, string product, string category = "crash") =>
        market.Operator.PostJsonAsync<ProblemView>("/api/problems", new { product, category, summary = $"{product} keeps crashing" }, 201);

    public static Task<ProblemView> LinkAsync(this Marketplace market, Guid problem, Guid complaint) =>
        market.Operator.PostJsonAsync<ProblemView>($"/api/problems/{problem}/links", new { complaintId = complaint });

    public static async Task<IReadOnlyList<ProblemView>> ProblemsAsync(this ApiClient client, string query = "") =>
        (await client.GetJsonAsync<Features.RecurringProblems.List.Response>($"/api/problems{query}")).Items;

    public static Task<ProblemPage> ProblemAsync(this ApiClient client, Guid problem) => client.GetJsonAsync<ProblemPage>($"/api/problems/{problem}");

    public static string NewProduct() => $"Lens {Guid.NewGuid():N}"[..16];
}
