using System.Collections;
using System.CommandLine;
using Spectre.Console;

namespace Accountability.Api.Cli;

/// <summary>
/// What a command reads and writes besides its arguments: the environment's variables (its configuration), standard
/// output and standard error. The executable passes its own process's; a caller in the same process passes its own, so
/// that commands run side by side share none of them.
/// </summary>
public sealed class CommandContext : InvocationConfiguration
{
    public CommandContext(IReadOnlyDictionary<string, string?> variables, TextWriter output, TextWriter error)
    {
        (Variables, Output, Error) = (variables, output, error);
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        // A command runs to its end or is killed, and a failure not handled by a command surfaces as it is.
        (EnableDefaultExceptionHandler, ProcessTerminationTimeout) = (false, null);
    }

    public IReadOnlyDictionary<string, string?> Variables { get; }

    /// <summary>Tables and progress bars, written to <see cref="InvocationConfiguration.Output"/>.</summary>
    public IAnsiConsole Console { get; }

    public static CommandContext OfThisProcess() => new(
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(v => (string)v.Key, v => (string?)v.Value),
        System.Console.Out, System.Console.Error);

    /// <summary>The context the command line was invoked with.</summary>
    public static CommandContext Of(ParseResult parsed) => (CommandContext)parsed.InvocationConfiguration;

    /// <summary>Writes the message to standard error and returns the exit code.</summary>
    public int Fail(string message, int exitCode = 1)
    {
        Error.WriteLine(message);
        return exitCode;
    }
}
