using Accountability.Api.Features.Complaints.Writing;
using Marten;

namespace Accountability.Api.Features.Statements;

public static class StatementSetup
{
    /// <summary>The ledger's tables, the reaction that writes it, its reader and rebuild, and the closing of months.</summary>
    public static IServiceCollection AddStatements(this IServiceCollection services)
    {
        services.ConfigureMarten(StatementTables.Define);
        services.AddSingleton<IComplaintWriteReaction, StatementLedger>();
        services.AddSingleton<StatementBook>();
        services.AddSingleton<StatementCloser>();
        services.AddHostedService(p => p.GetRequiredService<StatementCloser>());
        return services;
    }
}
