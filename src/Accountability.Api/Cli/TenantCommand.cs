using System.CommandLine;
using Accountability.Api.Http;
using MediatR;
using CreateTenant = Accountability.Api.Features.Tenants.Create;

namespace Accountability.Api.Cli;

/// <summary><c>tenant create</c>: the same command as POST /api/admin/tenants, for the operator at the console.</summary>
public static class TenantCommand
{
    private static readonly Option<string> Id = new("--id") { Description = "the marketplace's id", Required = true };
    private static readonly Option<string> Name = new("--name") { Description = "its display name", Required = true };
    private static readonly Option<string?> StoreName = new("--store-name") { Description = "its store party's name (default: --name)" };

    public static Command Create()
    {
        var create = new Command("create", "Creates a marketplace (tenant) with its store party and prints its first operator key. "
            + "The key is shown once: only its hash is stored.") { Id, Name, StoreName };
        create.SetAction(parsed => CreateAsync(CommandContext.Of(parsed), parsed.GetRequiredValue(Id), parsed.GetRequiredValue(Name), parsed.GetValue(StoreName)));
        return new Command("tenant", "Marketplaces (tenants).") { create };
    }

    private static async Task<int> CreateAsync(CommandContext context, string id, string name, string? storeName)
    {
        var request = new CreateTenant.Request(id, name, storeName);
        if (new CreateTenant.Request.Validator().Validate(request) is { IsValid: false } invalid)
            return context.Fail(string.Join(Environment.NewLine, invalid.Errors.Select(e => e.ErrorMessage)), CommandLine.UsageError);
        await using var app = await CommandLine.BuildServicesAsync(context);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var created = (await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CreateTenant.Command(request.Id, request.Name, request.StoreName ?? request.Name, null))).Value;
            context.Output.WriteLine($"Created tenant {created.Id}. Its first operator key (shown once): {created.OperatorKey.Key}");
            return 0;
        }
        catch (ProblemException problem)
        {
            return context.Fail(problem.Message);
        }
    }
}
