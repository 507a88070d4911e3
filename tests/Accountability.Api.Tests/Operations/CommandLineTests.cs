using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;

namespace Accountability.Api.Tests.Operations;

/// <summary>
/// The operator's command line: the command line's executable (src/Accountability.Cli), or the service's own with a
/// command instead of serving HTTP. The commands run in this process (<see cref="CommandLineRun"/>); one test runs the
/// command line's executable.
/// </summary>
[Category("slow")]
public sealed class CommandLineTests
{
    [Test]
    public async Task The_executable_exits_with_the_commands_code_and_prints_to_its_own_output_and_error()
    {
        await using var own = new OwnSchema();
        using var stale = await ServiceProcess.RunCommandAsync(new Dictionary<string, string?> { ["Accountability__Schema"] = own.Name }, "db", "assert");

        Assert.That(stale.Process.ExitCode, Is.EqualTo(1), stale.Output + stale.Error);
        Assert.That(stale.Error, Does.Contain($"The schema {own.Name} differs from this version: run `db apply`."));
        Assert.That(stale.Output, Does.Contain("CREATE TABLE"));
    }

    [Test]
    public async Task The_command_lines_executable_names_itself_in_its_help()
    {
        using var help = await ServiceProcess.RunCommandAsync(new Dictionary<string, string?>(), "--help");

        Assert.That(help.Process.ExitCode, Is.Zero, help.Error);
        Assert.That(help.Output, Does.Contain("Accountability.Cli [command]").And.Contain("Runs one of the service's commands and exits."));
        Assert.That(help.Output, Does.Not.Contain("serves HTTP"));
    }

    [TestCase("--help")]
    [TestCase("tenant", "create", "--help")]
    [TestCase("import", "--help")]
    [TestCase("db", "--help")]
    [TestCase("projections", "--help")]
    [TestCase("projections", "set-aside", "--help")]
    [TestCase("what-if", "--help")]
    [TestCase("rejudge", "--help")]
    [TestCase("health", "--help")]
    [TestCase("demo", "--help")]
    public async Task Every_command_explains_itself(params string[] command)
    {
        var run = await CommandLineRun.RunAsync(command);
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Contain("Usage:").And.Contain($"Accountability.Api {string.Join(' ', command[..^1])}"));
    }

    [TestCase("'--tenat' was not matched. Did you mean one of the following?\n--tenant", "import", "--tenat", "t", "--file", "log.csv", "--mapping", "mapping.json")]
    [TestCase("Option '--tenant' is required.", "rejudge", "--dry-run")]
    [TestCase("--max-bad-rows is a whole number of rows, not 'many'.", "import", "--tenant", "t", "--file", "log.csv", "--mapping", "mapping.json", "--max-bad-rows", "many")]
    [TestCase("Required argument missing for option: '--max-bad-rows'", "import", "--tenant", "t", "--file", "log.csv", "--mapping", "mapping.json", "--max-bad-rows")]
    [TestCase("--to is an ISO 8601 time (e.g. 2026-01-31T00:00:00Z), not 'yesterday'.", "what-if", "--tenant", "t", "--policy", "policy.json", "--to", "yesterday")]
    [TestCase("--id is the id of a set-aside event (a GUID), not 'nope'.", "projections", "set-aside", "retry", "--id", "nope")]
    [TestCase("'aply' was not matched. Did you mean one of the following?\napply", "db", "aply")]
    public async Task A_usage_error_exits_2_and_names_what_was_wrong(string named, params string[] command)
    {
        var run = await CommandLineRun.RunAsync(command);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error + run.Output, Does.Contain(named)); // the library's did-you-mean goes to the output
    }

    [Test]
    public async Task Db_assert_fails_on_a_schema_that_is_not_current_until_db_apply_brings_it_up_to_date()
    {
        await using var own = new OwnSchema();
        var schema = new Dictionary<string, string?> { ["Accountability__Schema"] = own.Name };

        var stale = await CommandLineRun.RunAsync(schema, "db", "assert");
        Assert.That(stale.ExitCode, Is.EqualTo(1));
        Assert.That(stale.Error, Does.Contain("differs from this version: run `db apply`"));
        Assert.That(stale.Output, Does.Contain("mt_events").And.Contain("CREATE TABLE"));

        var apply = await CommandLineRun.RunAsync(schema, "db", "apply");
        Assert.That(apply.ExitCode, Is.Zero, apply.Error);
        Assert.That(apply.Output, Does.Contain("is now current"));

        var current = await CommandLineRun.RunAsync(schema, "db", "assert");
        Assert.That((current.ExitCode, current.Error), Is.EqualTo((0, "")));
    }

    [Test]
    public async Task Rebuilding_projections_from_the_events_leaves_complaints_as_they_were()
    {
        // A schema of its own: a rebuild empties and refills every projection of its schema, which other tests read.
        await using var node = IsolatedNode.Start();
        var market = await node.CreateMarketplaceAsync();
        var held = await market.FileHeldByAsync("acme");

        var rebuild = await CommandLineRun.RunAsync(new Dictionary<string, string?> { ["Accountability__Schema"] = node.Schema }, "projections", "rebuild");

        Assert.That((rebuild.ExitCode, rebuild.Error), Is.EqualTo((0, "")));
        Assert.That(rebuild.Output, Does.Contain("Rebuilt Complaint"));
        var after = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}");
        Assert.That((after.Holder, after.Version), Is.EqualTo((held.Holder, held.Version)));
    }

    [Test]
    public async Task What_if_replays_a_tenants_history_through_a_policy_file()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("photon");
        await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store" });
        var candidate = PolicyJson.Editable();
        candidate["customerDeflection"]!["enabled"] = false;
        var policyFile = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policyFile, candidate.ToJsonString());

        var whatIf = await CommandLineRun.RunAsync("what-if", "--tenant", market.Id, "--policy", policyFile, "--json");
        File.Delete(policyFile);

        Assert.That((whatIf.ExitCode, whatIf.Error), Is.EqualTo((0, "")));
        var result = JsonSerializer.Deserialize<Features.Policies.WhatIf.Response>(whatIf.Output, ApiClient.Json)!;
        Assert.That(result.ComplaintsReplayed, Is.EqualTo(1));
        Assert.That(result.Current.FlagsByRule, Is.EqualTo(new Dictionary<string, int> { [RuleIds.CustomerDeflection] = 1 }));
        Assert.That(result.Candidate.FlagsByRule, Is.Empty);
    }

    [Test]
    public async Task Rejudge_writes_a_tenants_differences_once_and_names_a_tenant_that_does_not_exist()
    {
        var market = await Marketplace.CreateAsync();
        var policy = PolicyJson.Editable();
        policy["bounce"]!["enabled"] = false;
        using (var off = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)off.StatusCode, Is.EqualTo(200));
        var filed = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "store", reason = "NeedsStoreAction" });
        policy["bounce"]!["enabled"] = true;
        using (var on = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)on.StatusCode, Is.EqualTo(200));

        var first = await CommandLineRun.RunAsync("rejudge", "--tenant", market.Id, "--json");
        Assert.That((first.ExitCode, first.Error), Is.EqualTo((0, "")));
        var written = JsonSerializer.Deserialize<Features.Policies.Rejudge.Response>(first.Output, ApiClient.Json)!;
        Assert.That((written.ComplaintsChanged, written.ByRule[RuleIds.Bounce].Raised), Is.EqualTo((1, 1)));
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}")).FlaggedRules, Is.EqualTo(new[] { RuleIds.Bounce }));

        var again = await CommandLineRun.RunAsync("rejudge", "--tenant", market.Id);
        Assert.That((again.ExitCode, again.Error), Is.EqualTo((0, "")));
        Assert.That(again.Output, Does.Contain("1 complaints re-judged under policy version 3; 0 changed."));

        var nobody = await CommandLineRun.RunAsync("rejudge", "--tenant", $"nobody-{Guid.NewGuid():N}", "--dry-run");
        Assert.That(nobody.ExitCode, Is.EqualTo(1));
        Assert.That(nobody.Error, Does.Contain("There is no tenant"));
    }
}
