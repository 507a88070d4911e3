using System.Diagnostics;

namespace Accountability.Api.Tests.Operations;

/// <summary>The container and cluster files hang together (deploy/check-manifests.sh), though no engine runs them here.</summary>
[Category("api")]
public sealed class DeployFilesTests
{
    [Test]
    public async Task The_compose_and_kubernetes_files_pass_their_checks()
    {
        Assert.That(await RunAsync("python3", "-c", "import yaml") is (0, _), "the checks need python3 with PyYAML (Debian: python3-yaml)");

        var (exitCode, output) = await RunAsync("bash", Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), "deploy", "check-manifests.sh"));

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("check-manifests: all good"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, missing.Message);
        }
    }
}
