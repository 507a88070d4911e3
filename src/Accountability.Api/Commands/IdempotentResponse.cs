namespace Accountability.Api.Commands;

/// <summary>The first response to an Idempotency-Key, saved in the same transaction as the events it answered for.</summary>
public sealed record IdempotentResponse(string Id, string Fingerprint, string Response, DateTimeOffset CreatedAt);
