using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Api.Features.Policies.WhatIf;
using Accountability.Api.Http;
using Accountability.Domain.Times;
using Marten;
using Spectre.Console;
using Candidate = Accountability.Api.Features.Policies.Replace.Request;

namespace Accountability.Api.Cli;

/// <summary><c>what-if</c>: the API's policy replay, for a marketplace's whole history and without its per-call limit.</summary>
public static class WhatIfCommand
{
    private const int MaxComplaints = 200_000;

    private static readonly Option<string> Tenant = new("--tenant") { Description = "the tenant (marketplace) id", Required = true };
    private static readonly Option<string> Policy = new("--policy") { Description = "the candidate policy, shaped as the body of PUT /api/policy (GET /api/policy, without \"version\")", Required = true };
    private static readonly Func<ArgumentResult, DateTimeOffset?> Time = CommandLine.Value(
        (string text, out DateTimeOffset time) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time),
        "an ISO 8601 time (e.g. 2026-01-31T00:00:00Z)");
    private static readonly Option<DateTimeOffset?> From = new("--from") { Description = "replay complaints filed from this time (ISO 8601; default: the beginning)", CustomParser = Time };
    private static readonly Option<DateTimeOffset?> To = new("--to") { Description = "...up to this time (default: now)", CustomParser = Time };
    private static readonly Option<bool> AsJson = new("--json") { Description = "print the whole comparison as JSON, as POST /api/policy/what-if answers it" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    public static Command Create()
    {
        var whatIf = new Command("what-if", """
            Replays the complaints a tenant filed in a time range through a candidate policy and shows, per rule, what it
            would flag next to what the policy in force flagged. Reads only.
            """) { Tenant, Policy, From, To, AsJson };
        whatIf.SetAction(RunAsync);
        return whatIf;
    }

    private static async Task<int> RunAsync(ParseResult parsed)
    {
        var context = CommandContext.Of(parsed);
        var (tenant, policyFile) = (parsed.GetRequiredValue(Tenant), parsed.GetRequiredValue(Policy));
        Candidate candidate;
        try
        {
            candidate = JsonSerializer.Deserialize<Candidate>(await File.ReadAllTextAsync(policyFile), Json) ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return context.Fail($"Cannot read the policy {policyFile}: {ex.Message}");
        }
        if (new Candidate.Validator().Validate(candidate) is { IsValid: false } invalid)
            return context.Fail(string.Join(Environment.NewLine, invalid.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        var (from, to) = (parsed.GetValue(From) ?? DateTimeOffset.MinValue, parsed.GetValue(To) ?? DateTimeOffset.UtcNow);

        await using var app = await CommandLine.BuildServicesAsync(context);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        if (!await CommandLine.TenantExistsAsync(store, tenant))
            return context.Fail($"There is no tenant '{tenant}'.");
        await using var session = store.QuerySession(tenant);
        Response comparison;
        try
        {
            comparison = await PolicyReplay.RunAsync(session, candidate, FilterTime.Clamp(from), FilterTime.Clamp(to), MaxComplaints, DateTimeOffset.UtcNow, CancellationToken.None);
        }
        catch (ProblemException tooMany)
        {
            return context.Fail(tooMany.Message);
        }
        if (parsed.GetValue(AsJson))
            context.Output.WriteLine(JsonSerializer.Serialize(comparison, Json));
        else
            Print(comparison, context.Console);
        return 0;
    }

    private static void Print(Response comparison, IAnsiConsole console)
    {
        var table = new Table().AddColumns("rule", "flags in force", "flags with the candidate");
        foreach (var rule in comparison.Current.FlagsByRule.Keys.Union(comparison.Candidate.FlagsByRule.Keys).Order(StringComparer.Ordinal))
            table.AddRow(rule, $"{comparison.Current.FlagsByRule.GetValueOrDefault(rule):N0}", $"{comparison.Candidate.FlagsByRule.GetValueOrDefault(rule):N0}");
        table.AddRow("complaints flagged", $"{comparison.Current.ComplaintsFlagged:N0}", $"{comparison.Candidate.ComplaintsFlagged:N0}");
        console.WriteLine($"{comparison.ComplaintsReplayed:N0} complaints filed from {comparison.From:u} to {comparison.To:u} replayed.");
        console.Write(table);
        if (comparison.Judgments.Current.Count + comparison.Judgments.Candidate.Count == 0)
            return;
        var judgments = new Table().AddColumns("default judgments", "party (cause)", "count", "charged");
        foreach (var (policy, totals) in new[] { ("in force", comparison.Judgments.Current), ("with the candidate", comparison.Judgments.Candidate) })
            foreach (var total in totals)
                judgments.AddRow(policy, $"{total.Party} ({total.Cause})", $"{total.Count:N0}", string.Join(", ", total.Charged.Select(c => $"{c.Key} {c.Value}")));
        console.Write(judgments);
    }
}
