using System.Diagnostics;
using System.IO.Compression;
using Accountability.Api.Tests.OpenApi;

namespace Accountability.Api.Tests.Partners;

/// <summary>The committed client is what NSwag makes of the committed OpenAPI document, and it packs for partners.</summary>
[Category("slow")]
public sealed class ClientPackageTests
{
    private const string GenerateCommand = "deploy/client.sh";

    [Test]
    public async Task The_committed_client_is_what_the_generator_makes_of_the_committed_document()
    {
        var root = OpenApiDocumentTests.RepositoryRoot();
        var regenerated = Path.Combine(Path.GetTempPath(), $"AccountabilityClient-{Guid.NewGuid():N}.cs");
        try
        {
            var (code, output) = await RunAsync(root, "bash", GenerateCommand, regenerated);
            Assert.That(code, Is.EqualTo(0), output);
            var committed = Path.Combine(root, "src", "Accountability.Client", "Generated", "AccountabilityClient.cs");
            Assert.That(await File.ReadAllTextAsync(regenerated), Is.EqualTo(await File.ReadAllTextAsync(committed)),
                $"openapi/accountability.v1.json changed but the client did not: regenerate it with `{GenerateCommand}` and commit it.");
        }
        finally
        {
            File.Delete(regenerated);
        }
    }

    [Test]
    public async Task The_client_packs_with_its_readme_and_no_package_dependencies()
    {
        var root = OpenApiDocumentTests.RepositoryRoot();
        var folder = Directory.CreateTempSubdirectory("accountability-client-pack").FullName;
        try
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var (code, output) = await RunAsync(root, "dotnet", "pack", "src/Accountability.Client", "-c", configuration, "--no-build", "-o", folder, "-nologo");
            Assert.That(code, Is.EqualTo(0), output);

            var package = Directory.GetFiles(folder, "Accountability.Client.*.nupkg").Single();
            using var zip = ZipFile.OpenRead(package);
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.That(entries, Does.Contain("lib/net10.0/Accountability.Client.dll").And.Contain("lib/net10.0/Accountability.Client.xml").And.Contain("README.md"));
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            Assert.That(await nuspec.ReadToEndAsync(), Does.Not.Contain("<dependency "), "the client needs nothing beyond .NET itself");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string directory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
