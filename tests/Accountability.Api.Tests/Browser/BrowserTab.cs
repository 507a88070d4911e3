using Microsoft.Playwright;

namespace Accountability.Api.Tests.Browser;

/// <summary>A page in a browser context of its own (cookies, storage, viewport); disposing it closes the context.</summary>
public sealed class BrowserTab(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
