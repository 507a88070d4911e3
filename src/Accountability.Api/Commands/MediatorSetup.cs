using Marten;
using MediatR;

namespace Accountability.Api.Commands;

/// <summary>MediatR 5 has no DI package here: register the mediator, every handler and the pipeline by hand, and the stored answers of idempotent writes.</summary>
public static class MediatorSetup
{
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.ConfigureMarten(opts => opts.Schema.For<IdempotentResponse>().MultiTenanted());
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CommandTransactionBehavior<,>));

        var handlers = typeof(MediatorSetup).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in handlers)
            services.AddScoped(service, implementation);
        return services;
    }
}
