using Accountability.Api.Problems;
using MediatR;
using CreateTenant = Accountability.Api.Features.Tenants.Create;

namespace Accountability.Api.Cli;

/// <summary><c>tenant create</c>: the same command as POST /api/admin/tenants, for the operator at the console.</summary>
public static class TenantCommand
{
    private const string Usage = """
        Usage: Accountability.Api tenant create --id <id> --name <name> [--store-name <name>]

        Creates a marketplace (tenant) with its store party and prints its first operator key. The key is shown
        once: only its hash is stored.
        """;

    public static async Task<int> CreateAsync(string[] args)
    {
        if (CommandLine.Options(args, Usage, ["id", "name"], out var exitCode) is not { } options)
            return exitCode;
        var request = new CreateTenant.Request(options["id"], options["name"], options.GetValueOrDefault("store-name"));
        if (new CreateTenant.Request.Validator().Validate(request) is { IsValid: false } invalid)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, invalid.Errors.Select(e => e.ErrorMessage)));
            return 2;
        }
        await using var app = await CommandLine.BuildServicesAsync();
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CreateTenant.Command(request.Id, request.Name, request.StoreName ?? request.Name, null));
            Console.Out.WriteLine($"Created tenant {created.Id}. Its first operator key (shown once): {created.OperatorKey.Key}");
            return 0;
        }
        catch (ProblemException problem)
        {
            return CommandLine.Fail(problem.Message);
        }
    }
}
