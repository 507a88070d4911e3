using System.Diagnostics;
using Accountability.Api.Features.Imports;
using Spectre.Console;

namespace Accountability.Api.Cli;

/// <summary>
/// Shows an import's progress: on a terminal a bar per stage with rows per second and time left; otherwise a line at
/// every tenth, always ending at 100%, so that a log file shows where a long import is.
/// </summary>
public sealed class ImportProgressView(TextWriter lines, IAnsiConsole console) : IProgress<ImportProgress>
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Dictionary<string, int> tenthsShown = [];
    private readonly Dictionary<string, ProgressTask> bars = [];
    private ProgressContext? terminal;

    private bool IsTerminal => console.Profile.Out.IsTerminal && console.Profile.Capabilities.Interactive;

    /// <summary>Runs the import with bars on a terminal, or with lines of progress elsewhere.</summary>
    public async Task<T> RunAsync<T>(Func<IProgress<ImportProgress>, Task<T>> import)
    {
        if (!IsTerminal)
            return await import(this);
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                terminal = context;
                return await import(this);
            });
    }

    public void Report(ImportProgress value)
    {
        lock (tenthsShown)
        {
            var fraction = value.Total <= 0 ? 1 : Math.Clamp((double)value.Done / value.Total, 0, 1);
            var rate = value.Rows / Math.Max(watch.Elapsed.TotalSeconds, 1e-3);
            if (terminal is not null)
            {
                if (!bars.TryGetValue(value.Stage, out var bar))
                    bars[value.Stage] = bar = terminal.AddTask(value.Stage, maxValue: 1000);
                bar.Value = fraction * 1000;
                bar.Description = $"{value.Stage} ({value.Rows:N0} rows, {rate:N0} rows/s)";
                return;
            }
            var tenths = (int)Math.Floor(fraction * 10);
            if (tenths <= tenthsShown.GetValueOrDefault(value.Stage, -1))
                return;
            tenthsShown[value.Stage] = tenths;
            lines.WriteLine($"{value.Stage}: {tenths * 10}% ({value.Rows:N0} rows, {rate:N0} rows/s, {watch.Elapsed.TotalSeconds:N0} s)");
        }
    }
}
