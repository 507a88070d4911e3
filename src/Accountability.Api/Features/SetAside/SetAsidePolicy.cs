using JasperFx.Events.Projections;

namespace Accountability.Api.Features.SetAside;

/// <summary>Which failures are the event's own, and so set it aside, and which are the database's, to be waited out.</summary>
public static class SetAsidePolicy
{
    public static bool IsTheEventsOwn(Exception failure, CancellationToken ct) =>
        !ct.IsCancellationRequested && failure is not OperationCanceledException && !ProjectionExceptions.IsExceptionTransient(failure);
}
