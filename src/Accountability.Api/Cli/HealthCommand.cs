namespace Accountability.Api.Cli;

/// <summary><c>health</c>: asks a running node whether it is healthy, for container health checks (the image has no curl).</summary>
public static class HealthCommand
{
    private const string Usage = """
        Usage: Accountability.Api health [--url <url>]

        Exits 0 when the URL answers 2xx within 3 seconds, 1 otherwise.

          --url  what to ask (default: http://127.0.0.1:8080/health/live)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Options(args, Usage, [], out var exitCode) is not { } options)
            return exitCode;
        var url = options.GetValueOrDefault("url") ?? "http://127.0.0.1:8080/health/live";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            Console.Out.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            return CommandLine.Fail($"{url}: {ex.Message}");
        }
    }
}
