using System.Text.Json;
using System.Text.Json.Nodes;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.OpenApi;

[Category("api")]
public sealed class OpenApiDocumentTests
{
    private const string RefreshVariable = "ACCOUNTABILITY_UPDATE_OPENAPI";
    private const string RefreshCommand = $"{RefreshVariable}=1 ./deploy/test.sh --filter OpenApiDocumentTests";

    [Test]
    public async Task The_committed_document_is_what_the_service_serves()
    {
        using var served = await ApiClient.Anonymous.GetAsync("/swagger/v1/swagger.json");
        Assert.That((int)served.StatusCode, Is.EqualTo(200));
        var servedJson = JsonNode.Parse(await served.Content.ReadAsStringAsync())!;
        var committedPath = Path.Combine(RepositoryRoot(), "openapi", "accountability.v1.json");

        if (Environment.GetEnvironmentVariable(RefreshVariable) == "1")
            await File.WriteAllTextAsync(committedPath, servedJson.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

        Assert.That(File.Exists(committedPath), Is.True, $"{committedPath} is missing: create it with `{RefreshCommand}`.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));
        Assert.That(JsonNode.DeepEquals(servedJson, committed), Is.True,
            $"The API changed but openapi/accountability.v1.json did not: review the change and refresh it with `{RefreshCommand}`.");
    }

    [Test]
    public async Task Swagger_UI_is_served_in_development()
    {
        using var response = await ApiClient.Anonymous.GetAsync("/swagger/index.html");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }

    [Test]
    public async Task A_node_with_the_API_explorer_off_serves_neither_the_UI_nor_the_document()
    {
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false,
            settings: new Dictionary<string, string> { ["Accountability:ServeApiExplorer"] = "false" });
        await using (node)
        {
            using var http = new HttpClient { BaseAddress = address };
            foreach (var path in new[] { "/swagger", "/swagger/index.html", "/swagger/v1/swagger.json" })
            {
                using var response = await http.GetAsync(path);
                await response.ShouldBeProblemAsync(404, "not-found");
            }
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Accountability.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (Accountability.sln) above " + AppContext.BaseDirectory);
    }
}
