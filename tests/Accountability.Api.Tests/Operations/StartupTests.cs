using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Operations;

/// <summary>The built executable, started with settings it cannot work with: one line on stderr saying which, and a non-zero exit.</summary>
[Category("api")]
public sealed class StartupTests
{
    private const string Password = "never-printed-7f3a";

    [Test]
    public async Task No_connection_string_is_one_line_naming_the_setting()
    {
        var service = await ServiceProcess.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Accountability"] = null,
            ["ACCOUNTABILITY_DB"] = null,
        });
        AssertFailedWithOneLine(service, "No database configured: set ACCOUNTABILITY_DB");
    }

    [Test]
    public async Task Invalid_values_are_one_line_naming_each_setting()
    {
        var service = await ServiceProcess.RunAsync(new Dictionary<string, string?>
        {
            ["Accountability__DeadlinePollSeconds"] = "-1",
            ["Accountability__Schema"] = "Not-A-Schema",
        });
        AssertFailedWithOneLine(service, "Accountability:DeadlinePollSeconds must be more than 0");
        Assert.That(service.Error, Does.Contain("Accountability:Schema"));
    }

    [Test]
    public async Task A_value_of_the_wrong_type_is_one_line()
    {
        var service = await ServiceProcess.RunAsync(new Dictionary<string, string?> { ["Accountability__ReopenWindowDays"] = "thirty" });
        AssertFailedWithOneLine(service, "Accountability:ReopenWindowDays");
    }

    [Test]
    public async Task An_unreachable_database_is_one_line_naming_where_without_the_password()
    {
        var service = await ServiceProcess.RunAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Accountability"] = $"Host=127.0.0.1;Port=1;Database=accountability;Username=app;Password={Password}",
        });
        AssertFailedWithOneLine(service, "Cannot use the database 'accountability' on 127.0.0.1:1 as 'app'");
        Assert.That(service.Output + service.Error, Does.Not.Contain(Password));
    }

    [Test]
    public async Task Production_without_the_public_address_of_status_pages_is_one_line_naming_the_setting()
    {
        // Were it to start, it would serve on this loopback port until the test ends it.
        using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Accountability__StatusPageBaseUrl"] = null,
        }, "--urls", ServiceProcess.LoopbackUrl());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.Process.WaitForExitAsync(timeout.Token);
        service.Process.WaitForExit();

        AssertFailedWithOneLine(service, "Accountability:StatusPageBaseUrl");
        Assert.That(service.Error, Does.Contain("Production"));
    }

    private static void AssertFailedWithOneLine(ServiceProcess service, string expected)
    {
        Assert.That(service.Process.ExitCode, Is.Not.Zero);
        var lines = service.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(1), service.Error);
        Assert.That(lines[0], Does.Contain(expected));
        Assert.That(service.Output + service.Error, Does.Not.Contain("   at "), "no stack trace");
    }
}
