using System.Globalization;
using System.Text;

namespace Accountability.Api.Tests.Faults;

/// <summary>One request sent while PostgreSQL was away, on the test's clock, and what came back (status 0: no answer).</summary>
public sealed record OutageAnswer(TimeSpan Sent, TimeSpan Answered, int Status, string? ProblemType, bool RetryAfter, string Body)
{
    public const string Unavailable = "urn:accountability:problem:service-unavailable";

    public TimeSpan Took => Answered - Sent;

    public bool IsUnavailable => Status == 503 && ProblemType == Unavailable && RetryAfter;

    public override string ToString() => $"{Status} after {Took.TotalMilliseconds:N0} ms at {Sent.TotalSeconds:N2} s: {Body}";
}

/// <summary>What the outage test measured, in words: printed with the test's output and kept in .local/test-results.</summary>
public static class OutageReport
{
    public const string FileName = "database-outage.txt";

    /// <param name="restarted">Every answer from the restart on; <paramref name="startingUp"/> and <paramref name="accepting"/> say when PostgreSQL recovered.</param>
    public static string Write(long walBytes, IReadOnlyList<OutageAnswer> down, IReadOnlyList<OutageAnswer> restarted,
        TimeSpan startingUp, TimeSpan accepting, TimeSpan ready)
    {
        var recovering = restarted.Where(a => a.Sent >= startingUp && a.Answered <= accepting).ToList();
        var firstAfter = restarted.FirstOrDefault(a => a.Sent >= accepting) ?? restarted[^1];
        var firstWrite = restarted.First(a => a.Status == 201);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Database outage, measured {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z on {Environment.ProcessorCount} cores")
            .AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL stopped with pg_ctl stop -m immediate under a write load; the restart replayed the WAL of {walBytes / 1e6:N0} MB of ballast and more.")
            .AppendLine(Times("while PostgreSQL was down", down))
            .AppendLine(Times("while PostgreSQL recovered (answering 57P03 'starting up')", recovering))
            .AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL said it was starting up {startingUp.TotalSeconds:N1} s after the restart began and accepted connections {accepting.TotalSeconds:N1} s after it.")
            .AppendLine(CultureInfo.InvariantCulture, $"The first request sent after PostgreSQL accepted connections (or in flight then) was answered {firstAfter.Status} in {firstAfter.Took.TotalMilliseconds:N0} ms.")
            .AppendLine(CultureInfo.InvariantCulture, $"First write answered 201 {(firstWrite.Answered - accepting).TotalMilliseconds:N0} ms after PostgreSQL accepted connections again; /health/ready seen 200 {(ready - accepting).TotalMilliseconds:N0} ms after.")
            .ToString();
        var folder = Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), ".local", "test-results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), text);
        return text;
    }

    private static string Times(string when, IReadOnlyList<OutageAnswer> answers)
    {
        var took = answers.Select(a => a.Took.TotalMilliseconds).Order().ToList();
        if (took.Count == 0)
            return $"No answers {when}.";
        return string.Create(CultureInfo.InvariantCulture,
            $"{answers.Count} answers {when}, {answers.Count(a => a.IsUnavailable)} of them 503 service-unavailable with Retry-After; answer time p50 {took[(took.Count - 1) / 2]:N0} ms, max {took[^1]:N0} ms.");
    }
}
