using System.Net.Http.Headers;

namespace Accountability.Api.Tests.Errors;

/// <summary>One request of the corpus: which endpoint, what is wrong with it, and the bytes to send.</summary>
public sealed record MalformedRequest(
    string Endpoint, string Defect, HttpMethod Method, string Path, byte[]? Body, string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }
        // The service refuses a large body before reading it and closes the connection: ask before sending the body,
        // as a careful client does, and do not reuse the connection.
        message.Headers.ConnectionClose = message.Headers.ExpectContinue = Body?.Length > 32 * 1024;
        foreach (var (name, value) in Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    public override string ToString() => $"{Method} {Path[..Math.Min(Path.Length, 120)]} ({Defect})";
}

/// <summary>The real ids and keys of the seeded marketplace the corpus aims at.</summary>
public sealed record CorpusTargets(
    string OperatorKey, string VendorKey, string OtherTenantKey, string AdminKey, string TrackingToken, string FormSeal,
    IReadOnlyDictionary<string, string> Ids)
{
    /// <summary>The real id for a path parameter, found by the collection the parameter follows (complaints/{id}).</summary>
    public string IdFor(string template, string parameter)
    {
        var segments = template.Split('/');
        var at = Array.IndexOf(segments, $"{{{parameter}}}");
        return Ids[segments[at - 1]];
    }
}
