using Marten;

namespace Accountability.Api.Features.SetAside;

public static class SetAsideSetup
{
    public static IServiceCollection AddSetAsideEvents(this IServiceCollection services)
    {
        services.AddSingleton<ProcessingFaults>();
        services.AddSingleton<SetAsideEvents>();
        return services.ConfigureMarten(opts =>
        {
            // Running on, the daemon sets aside an event a projection cannot fold (Marten's dead letter) and goes on; a
            // rebuild stops on it instead, so that a rebuilt projection never silently lacks an event.
            (opts.Projections.Errors.SkipApplyErrors, opts.Projections.Errors.SkipSerializationErrors, opts.Projections.Errors.SkipUnknownEvents) = (true, true, true);
            (opts.Projections.RebuildErrors.SkipApplyErrors, opts.Projections.RebuildErrors.SkipSerializationErrors, opts.Projections.RebuildErrors.SkipUnknownEvents) = (false, false, false);
            opts.Listeners.Add(new SetAsideCounter());
        });
    }
}
