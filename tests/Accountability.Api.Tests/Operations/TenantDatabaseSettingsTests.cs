using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Operations;

/// <summary>Wrong tenant database groups stop the command line (and a start) with one line naming the setting (decision 0049).</summary>
[Category("api")]
public sealed class TenantDatabaseSettingsTests
{
    private const string Password = "never-printed-4b1e";

    [Test]
    public async Task A_group_without_a_connection_string_is_named()
    {
        var run = await DbAssertAsync(Group(0, "group-1", null, "m-one"));
        AssertFailedNaming(run, "Accountability:TenantDatabases:0:ConnectionString is missing");
    }

    [Test]
    public async Task A_marketplace_in_two_groups_is_named()
    {
        var run = await DbAssertAsync(Group(0, "group-1", GroupConnection("g1"), "m-one"), Group(1, "group-2", GroupConnection("g2"), "m-one"));
        AssertFailedNaming(run, "the marketplace 'm-one' is in more than one group");
    }

    [Test]
    public async Task An_invalid_connection_string_is_named_without_the_password()
    {
        var run = await DbAssertAsync(Group(0, "group-1", $"Host=127.0.0.1;Password={Password};Bogus Keyword=1", "m-one"));
        AssertFailedNaming(run, "The connection string of the tenant database group 'group-1' is not valid");
        Assert.That(run.Output + run.Error, Does.Not.Contain(Password));
    }

    private static Dictionary<string, string?> Group(int index, string name, string? connectionString, string tenant) => new()
    {
        [$"Accountability__TenantDatabases__{index}__Name"] = name,
        [$"Accountability__TenantDatabases__{index}__ConnectionString"] = connectionString,
        [$"Accountability__TenantDatabases__{index}__Tenants__0"] = tenant,
    };

    private static string GroupConnection(string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(ServiceUnderTest.ConnectionString) { Database = database }.ConnectionString;

    private static Task<CommandLineRun> DbAssertAsync(params Dictionary<string, string?>[] groups) =>
        CommandLineRun.RunAsync(groups.SelectMany(g => g).ToDictionary(), "db", "assert");

    private static void AssertFailedNaming(CommandLineRun run, string expected)
    {
        Assert.That(run.ExitCode, Is.Not.Zero);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.Contain(expected));
    }
}
