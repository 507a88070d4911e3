using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Api.Features.Policies.WhatIf;
using Accountability.Api.Persistence;
using Accountability.Api.Problems;
using Accountability.Domain.Times;
using Marten;
using Spectre.Console;
using Candidate = Accountability.Api.Features.Policies.Replace.Request;

namespace Accountability.Api.Cli;

/// <summary><c>what-if</c>: the API's policy replay, for a marketplace's whole history and without its per-call limit.</summary>
public static class WhatIfCommand
{
    private const int MaxComplaints = 200_000;

    private const string Usage = """
        Usage: Accountability.Api what-if --tenant <id> --policy <policy.json> [--from <time>] [--to <time>] [--json]

        Replays the complaints a tenant filed in a time range through a candidate policy and shows, per rule, what it
        would flag next to what the policy in force flagged. Reads only.

          --tenant  the tenant (marketplace) id
          --policy  the candidate policy, shaped as the body of PUT /api/policy (GET /api/policy, without "version")
          --from    replay complaints filed from this time (ISO 8601; default: the beginning)
          --to      ...up to this time (default: now)
          --json    print the whole comparison as JSON, as POST /api/policy/what-if answers it
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Options(args, Usage, ["tenant", "policy"], out var exitCode, "json") is not { } options)
            return exitCode;
        Candidate candidate;
        try
        {
            candidate = JsonSerializer.Deserialize<Candidate>(await File.ReadAllTextAsync(options["policy"]), Json) ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return CommandLine.Fail($"Cannot read the policy {options["policy"]}: {ex.Message}");
        }
        if (new Candidate.Validator().Validate(candidate) is { IsValid: false } invalid)
            return CommandLine.Fail(string.Join(Environment.NewLine, invalid.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        if (!TryTime(options, "from", DateTimeOffset.MinValue, out var from) || !TryTime(options, "to", DateTimeOffset.UtcNow, out var to))
            return CommandLine.Fail("--from and --to take ISO 8601 times, e.g. 2026-01-31T00:00:00Z.");

        await using var app = await CommandLine.BuildServicesAsync();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(options["tenant"]);
        if (await session.LoadAsync<Tenant>(options["tenant"]) is null)
            return CommandLine.Fail($"There is no tenant '{options["tenant"]}'.");
        Response comparison;
        try
        {
            comparison = await PolicyReplay.RunAsync(session, candidate, FilterTime.Clamp(from), FilterTime.Clamp(to), MaxComplaints, DateTimeOffset.UtcNow, CancellationToken.None);
        }
        catch (ProblemException tooMany)
        {
            return CommandLine.Fail(tooMany.Message);
        }
        if (options.ContainsKey("json"))
            Console.Out.WriteLine(JsonSerializer.Serialize(comparison, Json));
        else
            Print(comparison);
        return 0;
    }

    private static void Print(Response comparison)
    {
        var table = new Table().AddColumns("rule", "flags in force", "flags with the candidate");
        foreach (var rule in comparison.Current.FlagsByRule.Keys.Union(comparison.Candidate.FlagsByRule.Keys).Order(StringComparer.Ordinal))
            table.AddRow(rule, $"{comparison.Current.FlagsByRule.GetValueOrDefault(rule):N0}", $"{comparison.Candidate.FlagsByRule.GetValueOrDefault(rule):N0}");
        table.AddRow("complaints flagged", $"{comparison.Current.ComplaintsFlagged:N0}", $"{comparison.Candidate.ComplaintsFlagged:N0}");
        AnsiConsole.WriteLine($"{comparison.ComplaintsReplayed:N0} complaints filed from {comparison.From:u} to {comparison.To:u} replayed.");
        AnsiConsole.Write(table);
    }

    private static bool TryTime(Dictionary<string, string> options, string name, DateTimeOffset otherwise, out DateTimeOffset time)
    {
        time = otherwise;
        return !options.TryGetValue(name, out var text)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
