using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// The service's own process, its categories at the most verbose level, through a run that handles every kind of
/// secret (dashboard sign-ins and session cookies too): none of them reaches its output.
/// </summary>
[Category("slow")]
public sealed class LogSecretTests
{
    [Test]
    public async Task No_key_webhook_secret_tracking_token_or_password_reaches_the_log()
    {
        var adminKey = $"admin-{Guid.NewGuid():N}";
        var url = ServiceProcess.LoopbackUrl();
        await using var schema = new OwnSchema();
        using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["Accountability__Schema"] = schema.Name,
            ["Accountability__AdminKey"] = adminKey,
            ["Accountability__WebhookAllowedPrivateHosts__0"] = "127.0.0.1",
            ["Logging__LogLevel__Accountability"] = "Trace",
        }, "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await ServiceProcess.WaitUntilLiveAsync(http);
        var secrets = await SecretRun.RunAsync(new Uri(url), adminKey);
        await Eventually.UntilAsync(() => AttemptsAsync(schema.Name), attempts => attempts > 0, "the dispatcher's attempt at the run's webhook");
        // The log is written in order: once a request made after the attempt is in it, so is all the attempt logged.
        using (var after = new HttpRequestMessage(HttpMethod.Get, "/api/complaints"))
        {
            after.Headers.Add(CorrelationId.Header, "after-the-attempt");
            (await http.SendAsync(after)).Dispose();
        }
        await Eventually.UntilAsync(() => service.Output.Contains("after-the-attempt"), "the log line of a request made after the attempt");

        var log = service.Output + service.Error;
        Assert.That(log, Does.Contain("POST /api/webhooks/{id}/secret-rotation answered 200"), "the capture holds the run");
        Assert.That(log, Does.Contain("POST /dashboard/sign-in answered 303").And.Contain("GET /dashboard/complaints/{id:guid} answered 200"));
        Assert.That(SecretRun.WithBareForms(secrets).Where(log.Contains), Is.Empty);
    }

    private static async Task<long> AttemptsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {schema}.webhook_attempts", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
