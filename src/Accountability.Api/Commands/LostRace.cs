using JasperFx;
using Marten.Exceptions;

namespace Accountability.Api.Commands;

/// <summary>A save refused because another write to the same stream or document committed first.</summary>
public static class LostRace
{
    public static bool Is(Exception e) =>
        e is ConcurrencyException or DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException;
}
