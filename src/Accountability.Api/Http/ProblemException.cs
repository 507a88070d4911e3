namespace Accountability.Api.Http;

/// <summary>Ends a request with an RFC 9457 problem; thrown anywhere below an endpoint, written by <see cref="ProblemMiddleware"/>.</summary>
public sealed class ProblemException(ProblemKind kind, string detail, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;

    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>A problem whose errors name the one field, header or parameter at fault.</summary>
    public static ProblemException Naming(ProblemKind kind, string key, string detail) =>
        new(kind, detail, new Dictionary<string, string[]> { [key] = [detail] });
}
