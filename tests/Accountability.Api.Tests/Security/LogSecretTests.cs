using Accountability.Api.Tests.Infrastructure;

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
        using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["Accountability__AdminKey"] = adminKey,
            ["Accountability__WebhookAllowedPrivateHosts__0"] = "127.0.0.1",
            ["Logging__LogLevel__Accountability"] = "Trace",
        }, "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await ServiceProcess.WaitUntilLiveAsync(http);
        var secrets = await SecretRun.RunAsync(new Uri(url), adminKey);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the dispatcher tries the delivery, signs it and logs the refused connection

        var log = service.Output + service.Error;
        Assert.That(log, Does.Contain("POST /api/webhooks/{id}/secret-rotation answered 200"), "the capture holds the run");
        Assert.That(log, Does.Contain("POST /dashboard/sign-in answered 303").And.Contain("GET /dashboard/complaints/{id:guid} answered 200"));
        Assert.That(SecretRun.WithBareForms(secrets).Where(log.Contains), Is.Empty);
    }
}
