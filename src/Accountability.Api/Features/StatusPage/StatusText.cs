using System.Globalization;
using System.Resources;

namespace Accountability.Api.Features.StatusPage;

/// <summary>
/// Every word the customer reads, from StatusText.resx. A language is added with StatusText.{culture}.resx and its
/// culture in <see cref="Languages"/>; the request's Accept-Language chooses.
/// </summary>
public static class StatusText
{
    public static readonly string[] Languages = ["en"];

    private static readonly ResourceManager Resources = new(typeof(StatusText).FullName!, typeof(StatusText).Assembly);

    public static string Get(string key) => Find(key) ?? throw new KeyNotFoundException($"StatusText.resx has no '{key}'.");

    /// <summary>The text for a key that may not exist (one built from a request), or null.</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentUICulture, Get(key), args);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString(Get("Date_Format"), CultureInfo.CurrentUICulture);
}
