using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Accountability.Api.Auth;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// Generates the corpus for one operation: a request that is valid but for exactly one defect, of its body, its route
/// ids, its query, its key or its headers, each paired with the field, parameter or header the answer must name.
/// </summary>
public sealed class MalformedRequests(CorpusTargets targets, Random random, Func<ApiOperation, long> bodyLimit)
{
    // No %00: Kestrel refuses a NUL in the path itself, with a bare 400, before the application sees the request.
    private static readonly string[] GarbageIds =
    [
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "..%2F..%2Fadmin%2Ftenants", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "....%2F%2F....%2F%2Fetc", "%27%20OR%201%3D1%20--", "-1", "9223372036854775808", new('a', 2000), "%C0%AE%C0%AE",
        "%FF%FE", "%E2%80%AE", "acc_x_y", "CON", "a;b", "%7Bid%7D", "%20", Guid.NewGuid().ToString(),
    ];

    // Each well-formed but stale, or no ETag of ours: "1" is left out, as it may be the current version.
    private static readonly string[] BadIfMatch = ["yesterday", "\"\"", "\"-1\"", "\"0\"", "\"99999999999999999999\"", "W/\"x\"", "\"1", "\"1\", \"2\"", "\"999\""];

    private static readonly string[] BadIdempotencyKeys = [new('k', 201), new('k', 5000), "a\tb"];

    private static readonly (string Type, string Body)[] WrongContentTypes =
    [
        ("text/plain", "{}"), ("application/x-www-form-urlencoded", "a=1"), ("application/xml", "<complaint/>"),
        ("multipart/form-data; boundary=x", "--x--"), ("", "{}"),
    ];

    private sealed record Draft(string Defect, string Path, byte[]? Body, string? ContentType, ImmutableDictionary<string, string> Headers, string? Names, bool InRoute = false);

    /// <summary>Every defect of the operation once, each on an otherwise valid request.</summary>
    public IEnumerable<MalformedRequest> For(ApiOperation operation) =>
        Defects(operation).Select(d => new MalformedRequest(operation.Name, d.Defect, operation.Method, d.Path, d.Body, d.ContentType, [.. d.Headers], d.Names, d.InRoute));

    private IEnumerable<Draft> Defects(ApiOperation operation)
    {
        var valid = Valid(operation);
        var drafts = operation.IsForm ? FormDefects(operation) : BodyDefects(operation, valid).Concat(QueryDefects(operation, valid)).Concat(KeyDefects(operation, valid));
        // The pages' forms take neither If-Match nor Idempotency-Key: a browser sends neither.
        return drafts.Concat(operation.IsSignedInForm ? [] : RouteDefects(operation, valid)).Concat(operation.IsForm ? [] : HeaderDefects(operation, valid));
    }

    private IEnumerable<Draft> BodyDefects(ApiOperation operation, Draft valid)
    {
        if (operation.BodySchema is not { } schema)
            yield break;
        foreach (var defect in JsonDefects.Of(schema, targets.ValidBody(operation), random, bodyLimit(operation)))
        {
            yield return valid with { Defect = defect.Defect, Body = defect.Body, Names = defect.Names };
        }
        foreach (var (type, body) in WrongContentTypes)
            yield return valid with { Defect = $"content type {Short(type)}", ContentType = type, Body = Encoding.UTF8.GetBytes(body), Names = "Content-Type" };
        yield return valid with { Defect = "no body", Body = null, ContentType = null, Names = "Content-Type" };
    }

    /// <summary>An unknown parameter, a body field sent in the query, and values no declared parameter accepts.</summary>
    private static IEnumerable<Draft> QueryDefects(ApiOperation operation, Draft valid)
    {
        yield return Query(valid, "unexpected", "1");
        foreach (var field in operation.BodySchema?["properties"]?.AsObject().Select(p => p.Key) ?? [])
            yield return Query(valid, field, "x");
        foreach (var (name, schema) in operation.Query)
        {
            foreach (var value in BadQueryValues(schema))
                yield return Query(valid, name, value);
        }
    }

    private static IEnumerable<string> BadQueryValues(JsonObject schema) => ((string?)schema["type"], (string?)schema["format"], schema["enum"] is not null) switch
    {
        (_, _, true) => ["Bogus", "a%00b"],
        ("integer", _, _) => ["many", "0", "-1", "1.5", "1e400", "99999999999999999999", "%00"],
        ("string", "date-time", _) => ["yesterday", "2026-13-45T99:00:00Z", "a%00b"],
        _ => ["a%00b", "%00", new string('x', 2000)],
    };

    private static Draft Query(Draft valid, string name, string value) => valid with
    {
        Defect = $"query {name}={Short(value)}",
        Path = $"{valid.Path}{(valid.Path.Contains('?') ? '&' : '?')}{name}={value}",
        Names = name,
    };

    /// <summary>Each route id replaced by one that names nothing of this tenant's.</summary>
    private IEnumerable<Draft> RouteDefects(ApiOperation operation, Draft valid)
    {
        foreach (var parameter in operation.Parameters)
        {
            var real = targets.IdFor(operation.Template, parameter);
            foreach (var id in GarbageIds)
                yield return valid with { Defect = $"{parameter} {Short(id)}", Path = valid.Path.Replace(real, id), Names = parameter, InRoute = true };
        }
    }

    private IEnumerable<Draft> KeyDefects(ApiOperation operation, Draft valid)
    {
        var header = operation.AdminKey ? ApiKeyAuthenticationHandler.AdminHeader : ApiKeyAuthenticationHandler.Header;
        var real = operation.AdminKey ? targets.AdminKey : targets.OperatorKey;
        var keys = new List<(string Header, string? Key)>();
        keys.AddRange(new[] { null, "", "garbage", "acc_", "acc_x_y", real[..^1] + (real[^1] == 'A' ? 'B' : 'A'), new string('k', 5000) }.Select(k => (header, k)));
        if (operation.AdminKey)
            keys.AddRange([(ApiKeyAuthenticationHandler.AdminHeader, targets.OperatorKey), (ApiKeyAuthenticationHandler.Header, targets.OperatorKey)]);
        else
            keys.AddRange([(header, targets.AdminKey), ("Authorization", $"Bearer {targets.OperatorKey}")]);
        // Another tenant's operator, and a vendor, are defects only where the route names something of this tenant's.
        if (!operation.AdminKey && operation.Parameters.Any())
            keys.Add((header, targets.OtherTenantKey));
        if (!operation.AdminKey && !operation.IsRead)
            keys.Add((header, targets.VendorKey));
        foreach (var (name, key) in keys)
        {
            yield return valid with
            {
                Defect = $"{name} {Short(key ?? "missing")}",
                Headers = valid.Headers.Remove(ApiKeyAuthenticationHandler.Header).Remove(ApiKeyAuthenticationHandler.AdminHeader)
                    .AddRange(key is null ? [] : [KeyValuePair.Create(name, key)]),
                Names = name == "Authorization" ? ApiKeyAuthenticationHandler.Header : name,
                InRoute = key == targets.OtherTenantKey || key == targets.VendorKey,
            };
        }
    }

    private static IEnumerable<Draft> HeaderDefects(ApiOperation operation, Draft valid)
    {
        foreach (var tag in operation.IfMatch ? BadIfMatch : [])
            yield return valid with { Defect = $"If-Match {tag}", Headers = valid.Headers.SetItem("If-Match", tag), Names = "If-Match" };
        foreach (var key in operation.IdempotencyKey ? BadIdempotencyKeys : [])
            yield return valid with { Defect = $"Idempotency-Key {Short(key)}", Headers = valid.Headers.SetItem("Idempotency-Key", key), Names = "Idempotency-Key" };
    }

    private IEnumerable<Draft> FormDefects(ApiOperation operation)
    {
        var seal = Uri.EscapeDataString(targets.FormSeal);
        var fields = new List<(string Defect, string Body)>
        {
            ("no sealed field", "stars=5"), ("garbage seal", "form=abc"), ("empty seal", "form="), ("huge seal", $"form={new string('A', 60_000)}"),
            ("invalid percent-encoding", "form=%ZZ%&%"), ("invalid UTF-8", "form=%FF%FE%C0%AF"), ("too many fields", string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=1"))),
            ("over the size limit", $"form={seal}&answer={new string('x', (int)bodyLimit(operation))}"),
        };
        if (operation.Template.EndsWith("/rating", StringComparison.Ordinal))
            fields.AddRange(new[] { "0", "6", "55", "abc", "", "-1", "99999999999999999999" }.Select(s => ($"stars {Short(s)}", $"form={seal}&stars={s}")));
        if (operation.Template.EndsWith("/answer", StringComparison.Ordinal))
            fields.AddRange([("no answer", $"form={seal}&answer="), ("answer too long", $"form={seal}&answer={new string('x', 4001)}"), ("NUL in the answer", $"form={seal}&answer=a%00b")]);
        var valid = Valid(operation);
        foreach (var (defect, body) in fields)
            yield return valid with { Defect = defect, Body = Encoding.UTF8.GetBytes(body) };
        foreach (var type in new[] { "application/json", "text/plain", "" })
            yield return valid with { Defect = $"content type {Short(type)}", ContentType = type, Body = Encoding.UTF8.GetBytes($"{{\"form\":\"{targets.FormSeal}\"}}") };
        yield return valid with { Defect = "truncated multipart", ContentType = "multipart/form-data; boundary=x", Body = "--x\r\nContent-Disposition: form-data; name=\"form\"\r\n\r\nabc"u8.ToArray() };
        yield return valid with { Defect = "cross-site", Body = "form=abc"u8.ToArray(), Headers = valid.Headers.SetItem("Sec-Fetch-Site", "cross-site") };
    }

    /// <summary>The operation as a well-behaved client sends it: real ids, the right key, a plausible body.</summary>
    private Draft Valid(ApiOperation operation)
    {
        var path = operation.Parameters.Aggregate(operation.Template, (p, name) => p.Replace($"{{{name}}}", targets.IdFor(operation.Template, name)));
        var headers = ImmutableDictionary<string, string>.Empty;
        if (operation.IsForm)
            headers = headers.Add("Accept", "application/json");
        else
            headers = operation.AdminKey ? headers.Add(ApiKeyAuthenticationHandler.AdminHeader, targets.AdminKey) : headers.Add(ApiKeyAuthenticationHandler.Header, targets.OperatorKey);
        if (operation.IsForm)
            return new Draft("", path, Encoding.UTF8.GetBytes($"form={Uri.EscapeDataString(targets.FormSeal)}"), "application/x-www-form-urlencoded", headers, null);
        var body = operation.BodySchema is null ? null : Encoding.UTF8.GetBytes(targets.ValidBody(operation).ToJsonString());
        return new Draft("", path, body, body is null ? null : "application/json", headers, null);
    }

    private static string Short(string text) => text.Length == 0 ? "empty" : text.Length > 24 ? $"{text[..8]}...({text.Length} chars)" : text;
}
