using Accountability.Api.Cli;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// A command of the service's command line run to its end in this process, with the variables the executable would get
/// (<see cref="ServiceProcess.Variables"/>) and output and error of its own. Costs no process start; the tests of the
/// process itself (its exit code and streams, its start, a kill) start one with <see cref="ServiceProcess"/>.
/// </summary>
public sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandLineRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await CommandLine.RunAsync(args, new CommandContext(ServiceProcess.Variables(environment), output, error))
            .WaitAsync(TimeSpan.FromSeconds(60));
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CommandLineRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs the command-line import of an event log and its mapping, both given as text, into a tenant.</summary>
    public static async Task<CommandLineRun> ImportAsync(string tenant, string log, string mappingJson, params string[] options)
    {
        var (logFile, mappingFile) = (Path.GetTempFileName(), Path.GetTempFileName());
        try
        {
            await File.WriteAllTextAsync(logFile, log);
            await File.WriteAllTextAsync(mappingFile, mappingJson);
            return await RunAsync(["import", "--tenant", tenant, "--file", logFile, "--mapping", mappingFile, .. options]);
        }
        finally
        {
            File.Delete(logFile);
            File.Delete(mappingFile);
        }
    }
}
