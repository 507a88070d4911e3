using System.Text.RegularExpressions;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Tests.Oracle;

/// <summary>The oracle is a second implementation only if it borrows nothing from the first: of the rules it may read the policy, and name a severity.</summary>
public sealed partial class OracleIndependenceTests
{
    private static readonly string[] Allowed = [nameof(Policy), nameof(Severity)];

    [Test]
    public void The_oracle_names_nothing_of_the_rules_but_the_policy_and_severities()
    {
        var source = Comments().Replace(File.ReadAllText(OracleFile()), "");
        var rulesTypes = typeof(Policy).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Policy).Namespace && !t.Name.Contains('<')).Select(t => t.Name.Split('`')[0]).Distinct().ToList();

        Assert.That(Namespaces().Matches(source).Select(m => m.Value), Has.None.EqualTo("using Accountability.Domain.Rules;"), "no blanket using of the rules");
        Assert.That(Qualified().Matches(source).Select(m => m.Groups[1].Value).Distinct(), Is.SubsetOf(Allowed));
        var named = rulesTypes.Except(Allowed).Where(name => Regex.IsMatch(source, $@"(?<![.\w]){name}\b")).ToList();
        Assert.That(named, Is.Empty, "types of the rules the oracle must not use");
        Assert.That(rulesTypes, Does.Contain(nameof(RuleTrack)).And.Contain(nameof(Loops)), "the check looks at the real namespace");
    }

    private static string OracleFile()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Accountability.sln")))
            dir = dir.Parent;
        return Path.Combine(dir!.FullName, "tests", "Accountability.Domain.Tests", "Oracle", "FlagOracle.cs");
    }

    [GeneratedRegex(@"//.*")]
    private static partial Regex Comments();

    [GeneratedRegex(@"using [^;]+;")]
    private static partial Regex Namespaces();

    [GeneratedRegex(@"Accountability\.Domain\.Rules\.(\w+)")]
    private static partial Regex Qualified();
}
