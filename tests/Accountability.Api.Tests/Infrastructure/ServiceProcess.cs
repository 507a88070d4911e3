using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// The service's own built executable (or the command line's, <see cref="RunCommandAsync"/>) as a separate process, as an
/// operator starts it: on the test database and schema unless the test says otherwise (<see cref="Variables"/>). Keeps
/// what it prints.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private ServiceProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Output { get { lock (output) return output.ToString(); } }

    public string Error { get { lock (error) return error.ToString(); } }

    public static ServiceProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Start("Accountability.Api", environment, args);

    private static ServiceProcess Start(string project, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var root = OpenApi.OpenApiDocumentTests.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var dll = Path.Combine(root, "src", project, "bin", configuration, "net10.0", $"{project}.dll");
        Assert.That(File.Exists(dll), Is.True, $"Build the solution first: {dll}");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        foreach (var (name, value) in Variables(environment))
            start.Environment[name] = value;
        var service = new ServiceProcess(Process.Start(start)!);
        service.Process.OutputDataReceived += (_, line) => Keep(service.output, line.Data);
        service.Process.ErrorDataReceived += (_, line) => Keep(service.error, line.Data);
        service.Process.BeginOutputReadLine();
        service.Process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// The variables the service runs with: this process's, on the test database and schema, changed as the test says
    /// (a null value removes a variable).
    /// </summary>
    public static Dictionary<string, string?> Variables(IReadOnlyDictionary<string, string?> changes)
    {
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(v => (string)v.Key, v => (string?)v.Value);
        variables["ConnectionStrings__Accountability"] = ServiceUnderTest.ConnectionString;
        variables["Accountability__Schema"] = ServiceUnderTest.Schema;
        // The service runs as in Production, where the public address of status pages is required.
        variables["Accountability__StatusPageBaseUrl"] = "https://help.example.com";
        foreach (var (name, value) in changes)
        {
            if (value is null) variables.Remove(name);
            else variables[name] = value;
        }
        return variables;
    }

    /// <summary>Runs the service's executable to its end (a start that fails).</summary>
    public static Task<ServiceProcess> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        WaitAsync(Start(environment, args));

    /// <summary>Runs a command of the command line's executable (src/Accountability.Cli) to its end.</summary>
    public static Task<ServiceProcess> RunCommandAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        WaitAsync(Start("Accountability.Cli", environment, args));

    private static async Task<ServiceProcess> WaitAsync(ServiceProcess service)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.Process.WaitForExitAsync(timeout.Token);
        service.Process.WaitForExit(); // drains the output
        return service;
    }

    public static async Task<ServiceProcess> RunAsync(params string[] args) => await RunAsync(new Dictionary<string, string?>(), args);

    /// <summary>Waits for the process to answer its liveness probe (a start applies the schema: slow on a busy machine).</summary>
    public static Task WaitUntilLiveAsync(HttpClient http) =>
        Eventually.UntilAsync(() => IsLiveAsync(http), live => live, "the service to start", TimeSpan.FromSeconds(90));

    private static async Task<bool> IsLiveAsync(HttpClient http)
    {
        try
        {
            using var live = await http.GetAsync("/health/live");
            return live.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>For a process nobody calls (a worker): it takes a free port itself, so no other test can take it first.</summary>
    public const string AnyLoopbackPort = "http://127.0.0.1:0";

    public static string LoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    private static void Keep(StringBuilder lines, string? line)
    {
        if (line is null)
            return;
        lock (lines)
            lines.AppendLine(line);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
