using System.Diagnostics;
using System.Text.Json;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>The service as a real process, killed with SIGKILL while deliveries are in flight: nothing is lost.</summary>
[Category("faults")]
public sealed class CrashTests
{
    [Test]
    public async Task Every_assignment_is_delivered_at_least_once_across_a_SIGKILL()
    {
        await using var receiver = await Receiver.StartAsync();
        // A slow receiver (8 requests at a time per endpoint, a quarter second each) keeps deliveries in flight at the kill.
        for (var i = 0; i < 300; i++)
            receiver.AnswerNext(200, delay: TimeSpan.FromMilliseconds(250));
        await using var api = IsolatedNode.Start();
        var market = await api.CreateMarketplaceAsync();
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);
        var complaints = new List<Guid>();
        for (var i = 0; i < 60; i++)
            complaints.Add((await market.FileHeldByAsync("acme")).Id);

        using (var first = StartServiceProcess(api.Schema))
        {
            try
            {
                await receiver.WaitForAsync(10, TimeSpan.FromSeconds(60));
            }
            catch (AssertionException)
            {
                TestContext.Out.WriteLine($"The first process {(first.Process.HasExited ? $"exited with {first.Process.ExitCode}" : "still runs")}:\n{first.Output}\n{first.Error}");
                throw;
            }
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
        }
        var beforeRestart = receiver.Requests.Select(r => r.Id).Distinct().Count();
        Assert.That(beforeRestart, Is.LessThan(complaints.Count), "the kill must land while deliveries are still in flight");

        using var second = StartServiceProcess(api.Schema);
        await Eventually.UntilAsync(() => ComplaintsDelivered(receiver).Count == complaints.Count, "every complaint delivered", TimeSpan.FromSeconds(60));
        Assert.That(ComplaintsDelivered(receiver), Is.EquivalentTo(complaints));
    }

    private static HashSet<Guid> ComplaintsDelivered(Receiver receiver) =>
        [.. receiver.Requests.Where(r => r.AnsweredWith == 200).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("complaintId").GetGuid())];

    /// <summary>The service's own executable, on the test's schema, sending webhooks and nothing else in the background.</summary>
    private static ServiceProcess StartServiceProcess(string schema) => ServiceProcess.Start(new Dictionary<string, string?>
    {
        ["Accountability__Schema"] = schema,
        ["Accountability__RunScheduler"] = "false",
        ["Accountability__RunWebhooks"] = "true",
        ["Accountability__WebhookPollSeconds"] = "0.1",
        ["Accountability__WebhookAllowedPrivateHosts__0"] = "127.0.0.1",
        // The killed node's claims lapse after the timeout plus the margin: 5 s here rather than the default 20 s.
        ["Accountability__WebhookTimeoutSeconds"] = "3",
        ["Accountability__WebhookClaimMarginSeconds"] = "2",
    }, "--urls", ServiceProcess.AnyLoopbackPort);
}
