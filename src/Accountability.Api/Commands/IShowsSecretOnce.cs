namespace Accountability.Api.Commands;

/// <summary>A response carrying a secret that is shown once: the copy kept for Idempotency-Key replays leaves it out.</summary>
public interface IShowsSecretOnce
{
    object WithoutSecret();
}
