namespace Accountability.Domain.Webhooks;

/// <summary>Whether an endpoint still receives, and since when it fails (null while it answers).</summary>
public sealed record EndpointHealth(bool Enabled, string? DisabledReason, DateTimeOffset? FailingSince);

/// <summary>What an attempt came back with: a status code, or none (refused, timed out) and why.</summary>
public sealed record AttemptAnswer(DateTimeOffset At, int? StatusCode, string? Error, TimeSpan? RetryAfter = null);

/// <summary>Where a delivery stands after an attempt: delivered, dead-lettered, or due again at a time.</summary>
public abstract record DeliveryVerdict(int FailedAttempts)
{
    public sealed record Delivered(int FailedAttempts) : DeliveryVerdict(FailedAttempts);

    public sealed record DeadLettered(int FailedAttempts) : DeliveryVerdict(FailedAttempts);

    public sealed record RetryAt(int FailedAttempts, DateTimeOffset At) : DeliveryVerdict(FailedAttempts);
}

/// <summary>
/// How webhooks are retried and when an endpoint is given up on: pure, with the clock in the answer and the jitter
/// passed in, so a test or a simulation replays it exactly.
/// </summary>
public static class DeliveryPolicy
{
    /// <summary>Wait after the 1st, 2nd, ... failure; after the last, the delivery goes to the dead letters (about 47 hours in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> Schedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    public static bool Succeeded(int? status) => status is >= 200 and < 300;

    /// <summary>Refused, timed out, rate-limited or a server error: worth another try.</summary>
    public static bool Retryable(int? status) => status is null or 429 or >= 500;

    /// <param name="failedAttempts">Failures before this attempt.</param>
    /// <param name="jitter">A number in [0, 1): the wait is 80 % to 120 % of the schedule's, so receivers that fail together are not retried together.</param>
    public static (DeliveryVerdict Delivery, EndpointHealth Endpoint) Judge(
        int failedAttempts, EndpointHealth endpoint, AttemptAnswer answer, TimeSpan disableAfter, double jitter)
    {
        var (now, status) = (answer.At, answer.StatusCode);
        if (Succeeded(status))
            return (new DeliveryVerdict.Delivered(failedAttempts), endpoint with { FailingSince = null });
        if (status == 410)
            return (new DeliveryVerdict.DeadLettered(failedAttempts), endpoint with { Enabled = false, DisabledReason = $"It answered 410 Gone on {now:u}." });

        var failingSince = endpoint.FailingSince ?? now;
        var failing = endpoint with { FailingSince = failingSince };
        if (now - failingSince > disableAfter)
            failing = failing with { Enabled = false, DisabledReason = $"Failing since {failingSince:u}; last error: {answer.Error}" };

        var failures = failedAttempts + 1;
        if (!Retryable(status) || failures > Schedule.Count)
            return (new DeliveryVerdict.DeadLettered(failures), failing);
        var wait = status == 429 && answer.RetryAfter is { } asked && asked > TimeSpan.Zero
            ? asked
            : Schedule[failures - 1] * (0.8 + jitter * 0.4);
        return (new DeliveryVerdict.RetryAt(failures, now + wait), failing);
    }
}
