namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// A schema no other test uses, dropped when disposed: for a node or a service process whose clock runs ahead or that
/// runs background work (deadlines, webhooks, projections), which on the shared schema would act on other tests' rows.
/// </summary>
public sealed class OwnSchema : IAsyncDisposable
{
    public string Name { get; } = $"own_{Guid.NewGuid():N}"[..20];

    public ValueTask DisposeAsync() => new(ServiceUnderTest.DropSchemaAsync(Name));
}
