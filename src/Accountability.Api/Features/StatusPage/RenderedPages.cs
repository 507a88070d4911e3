using Microsoft.Extensions.Caching.Memory;

namespace Accountability.Api.Features.StatusPage;

/// <summary>
/// Pages as last rendered, per complaint version, policy version and language: a page is read far more often than it
/// changes, and rendering (with its sealed forms, valid for hours) is most of a view's work. A minute at most, so
/// "what happens next" never lags the clock by more.
/// </summary>
public sealed class RenderedPages : IDisposable
{
    private readonly MemoryCache pages = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public string GetOrRender(string key, Func<string> render) =>
        pages.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return render();
        })!;

    public void Dispose() => pages.Dispose();
}
