using System.CommandLine;

namespace Accountability.Api.Cli;

/// <summary><c>health</c>: asks a running node whether it is healthy, for container health checks (the image has no curl).</summary>
public static class HealthCommand
{
    private static readonly Option<string> Url = new("--url") { Description = "what to ask", DefaultValueFactory = _ => "http://127.0.0.1:8080/health/live" };

    public static Command Create()
    {
        var health = new Command("health", "Exits 0 when the URL answers 2xx within 3 seconds, 1 otherwise.") { Url };
        health.SetAction(parsed => RunAsync(CommandContext.Of(parsed), parsed.GetRequiredValue(Url)));
        return health;
    }

    private static async Task<int> RunAsync(CommandContext context, string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            context.Output.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            return context.Fail($"{url}: {ex.Message}");
        }
    }
}
