using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// The service's own built executable as a separate process, as an operator starts it: on the test database and schema
/// unless the test says otherwise (a null value removes a variable). Keeps what it prints.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private ServiceProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Output { get { lock (output) return output.ToString(); } }

    public string Error { get { lock (error) return error.ToString(); } }

    public static ServiceProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var root = OpenApi.OpenApiDocumentTests.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var dll = Path.Combine(root, "src", "Accountability.Api", "bin", configuration, "net10.0", "Accountability.Api.dll");
        Assert.That(File.Exists(dll), Is.True, $"Build the service first: {dll}");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Accountability"] = ServiceUnderTest.ConnectionString;
        start.Environment["Accountability__Schema"] = ServiceUnderTest.Schema;
        // The process runs as in Production, where the public address of status pages is required.
        start.Environment["Accountability__StatusPageBaseUrl"] = "https://help.example.com";
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        var service = new ServiceProcess(Process.Start(start)!);
        service.Process.OutputDataReceived += (_, line) => Keep(service.output, line.Data);
        service.Process.ErrorDataReceived += (_, line) => Keep(service.error, line.Data);
        service.Process.BeginOutputReadLine();
        service.Process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Runs a command of the service's command line to its end.</summary>
    public static async Task<ServiceProcess> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var service = Start(environment, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.Process.WaitForExitAsync(timeout.Token);
        service.Process.WaitForExit(); // drains the output
        return service;
    }

    public static async Task<ServiceProcess> RunAsync(params string[] args) => await RunAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs the command-line import of an event log and its mapping, both given as text, into a tenant.</summary>
    public static async Task<ServiceProcess> ImportAsync(string tenant, string log, string mappingJson, params string[] options)
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
