using Accountability.Api.Configuration;

namespace Accountability.Api.Features.Pages;

/// <summary>Where customers and operators reach the service's pages from outside.</summary>
public sealed class PublicAddressOptions : ISettings
{
    /// <summary>
    /// The public address customers open status pages at (e.g. https://help.example.com), for the links they are sent.
    /// Required in Production; unset elsewhere, the address this node listens on. Never taken from a request's Host.
    /// </summary>
    public string? StatusPageBaseUrl { get; set; }

    public IEnumerable<string> Problems()
    {
        if (StatusPageBaseUrl is { } address && !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.PathAndQuery == "/"))
            yield return $"{SettingChecks.Section}:{nameof(StatusPageBaseUrl)} must be an http(s) address without a path, such as https://help.example.com, not '{address}'";
    }
}
