using Accountability.Domain.Webhooks;

namespace Accountability.Domain.Tests.Webhooks;

public sealed class DeliveryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan DisableAfter = TimeSpan.FromHours(72);
    private static readonly EndpointHealth Healthy = new(true, null, null);

    private static (DeliveryVerdict Delivery, EndpointHealth Endpoint) Judge(
        int? status, int failedAttempts = 0, EndpointHealth? endpoint = null, TimeSpan? retryAfter = null, double jitter = 0.5) =>
        DeliveryPolicy.Judge(failedAttempts, endpoint ?? Healthy, new AttemptAnswer(Now, status, status is null ? "Timed out." : null, retryAfter),
            DisableAfter, jitter);

    [TestCase(200)]
    [TestCase(204)]
    public void A_2xx_delivers_and_ends_the_endpoints_failing_spell(int status)
    {
        var (delivery, endpoint) = Judge(status, failedAttempts: 3, endpoint: Healthy with { FailingSince = Now.AddHours(-1) });
        Assert.That(delivery, Is.EqualTo(new DeliveryVerdict.Delivered(3)));
        Assert.That(endpoint, Is.EqualTo(Healthy));
    }

    [Test]
    public void A_410_dead_letters_at_once_and_disables_the_endpoint()
    {
        var (delivery, endpoint) = Judge(410);
        Assert.That(delivery, Is.TypeOf<DeliveryVerdict.DeadLettered>());
        Assert.That((endpoint.Enabled, endpoint.DisabledReason), Is.EqualTo((false, "It answered 410 Gone on 2026-03-02 09:00:00Z.")));
    }

    [TestCase(null)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(503)]
    public void A_refusal_a_timeout_a_429_or_a_5xx_is_retried_on_the_schedule(int? status)
    {
        var (delivery, endpoint) = Judge(status, failedAttempts: 2);
        Assert.That(delivery, Is.EqualTo(new DeliveryVerdict.RetryAt(3, Now + DeliveryPolicy.Schedule[2])));
        Assert.That(endpoint.FailingSince, Is.EqualTo(Now));
    }

    [TestCase(400)]
    [TestCase(404)]
    [TestCase(301)]
    public void Any_other_answer_dead_letters_without_retrying(int status) =>
        Assert.That(Judge(status).Delivery, Is.EqualTo(new DeliveryVerdict.DeadLettered(1)));

    [Test]
    public void The_wait_is_jittered_between_80_and_120_percent_of_the_schedule()
    {
        Assert.That(Judge(500, jitter: 0).Delivery, Is.EqualTo(new DeliveryVerdict.RetryAt(1, Now + TimeSpan.FromSeconds(4))));
        Assert.That(((DeliveryVerdict.RetryAt)Judge(500, jitter: 0.999999).Delivery).At, Is.EqualTo(Now + TimeSpan.FromSeconds(6)).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public void A_429_waits_as_long_as_its_Retry_After_asks()
    {
        Assert.That(Judge(429, retryAfter: TimeSpan.FromMinutes(7)).Delivery, Is.EqualTo(new DeliveryVerdict.RetryAt(1, Now.AddMinutes(7))));
        Assert.That(Judge(429, retryAfter: TimeSpan.FromSeconds(-3)).Delivery, Is.EqualTo(new DeliveryVerdict.RetryAt(1, Now.AddSeconds(5))));
    }

    [Test]
    public void The_failure_after_the_last_scheduled_wait_dead_letters()
    {
        Assert.That(Judge(null, failedAttempts: DeliveryPolicy.Schedule.Count - 1).Delivery, Is.TypeOf<DeliveryVerdict.RetryAt>());
        Assert.That(Judge(null, failedAttempts: DeliveryPolicy.Schedule.Count).Delivery,
            Is.EqualTo(new DeliveryVerdict.DeadLettered(DeliveryPolicy.Schedule.Count + 1)));
    }

    [Test]
    public void An_endpoint_failing_for_longer_than_the_limit_is_disabled_naming_the_last_error()
    {
        var since = Now - DisableAfter - TimeSpan.FromSeconds(1);
        var (_, endpoint) = Judge(null, endpoint: Healthy with { FailingSince = since });
        Assert.That(endpoint, Is.EqualTo(new EndpointHealth(false, "Failing since 2026-02-27 08:59:59Z; last error: Timed out.", since)));
        Assert.That(Judge(null, endpoint: Healthy with { FailingSince = Now - DisableAfter }).Endpoint.Enabled, Is.True);
    }
}
