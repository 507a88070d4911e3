namespace Accountability.Api.Persistence;

/// <summary>A marketplace using the service. Its id is the Marten tenant id of everything it owns.</summary>
public sealed record Tenant(string Id, string Name, DateTimeOffset CreatedAt);
