using System.Collections.Immutable;
using System.Text;
using Accountability.Api.Auth;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// Generates the corpus for one write endpoint: every defect of its body, ids, keys and headers once, then seeded random
/// combinations of them up to a quota. Each request carries at least one defect the API must refuse.
/// </summary>
public sealed class MalformedRequests(CorpusTargets targets, Random random, Func<WriteOperation, long> bodyLimit)
{
    // No %00: Kestrel refuses a NUL in the path itself, with a bare 400, before the application sees the request.
    private static readonly string[] GarbageIds =
    [
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "..", "..%2F..%2Fadmin%2Ftenants", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "....%2F%2F....%2F%2Fetc", "%27%20OR%201%3D1%20--", "-1", "9223372036854775808", new('a', 2000), "%C0%AE%C0%AE",
        "%FF%FE", "%ZZ", "%E2%80%AE", "acc_x_y", "CON", "a;b", "%7Bid%7D", "%20",
    ];

    private static readonly string[] BadIfMatch = ["yesterday", "\"\"", "\"-1\"", "\"0\"", "\"99999999999999999999\"", "W/\"x\"", "\"1", "\"1\", \"2\"", "\"1\"", "\"999\""];

    private static readonly string[] BadIdempotencyKeys = [new('k', 201), new('k', 5000), "a\tb"];

    private static readonly (string Type, string Body)[] WrongContentTypes =
    [
        ("text/plain", ""), ("application/x-www-form-urlencoded", ""), ("application/xml", "<complaint/>"),
        ("multipart/form-data; boundary=x", ""), ("multipart/form-data", "--x--"), ("", ""),
    ];

    private sealed record Draft(string Defect, string Path, byte[]? Body, string? ContentType, ImmutableDictionary<string, string> Headers);

    public IEnumerable<MalformedRequest> For(WriteOperation operation, int quota)
    {
        var systematic = Systematic(operation).ToList();
        var all = systematic.Concat(Enumerable.Range(0, Math.Max(0, quota - systematic.Count)).Select(_ => Combined(operation, systematic)));
        return all.Select(d => new MalformedRequest(operation.Name, d.Defect, operation.Method, d.Path, d.Body, d.ContentType, [.. d.Headers]));
    }

    private IEnumerable<Draft> Systematic(WriteOperation operation)
    {
        var layers = Layers(operation).ToList();
        if (operation.IsForm)
            return FormDefects(operation).Concat(layers.Select(layer => layer(GarbageSeal(operation))));
        if (operation.BodySchema is not { } schema)
            return layers.Select(layer => layer(Base(operation, null)));
        var bodies = JsonDefects.Of(schema, random, bodyLimit(operation)).Select(d => Base(operation, d.Body) with { Defect = d.Defect });
        var refused = Base(operation, JsonDefects.Refused(schema));
        return bodies.Concat(WrongContentTypes.Select(c => ContentType(refused, c.Type, c.Body))).Concat(layers.Select(layer => layer(refused)));
    }

    /// <summary>A random defect of the systematic ones, with one or two further defects laid over it.</summary>
    private Draft Combined(WriteOperation operation, IReadOnlyList<Draft> systematic)
    {
        var draft = systematic[random.Next(systematic.Count)];
        var layers = Layers(operation).ToList();
        for (var i = random.Next(1, 3); i > 0 && layers.Count > 0; i--)
            draft = layers[random.Next(layers.Count)](draft);
        return draft;
    }

    /// <summary>Defects of the request around the body: ids, keys and headers.</summary>
    private IEnumerable<Func<Draft, Draft>> Layers(WriteOperation operation)
    {
        foreach (var parameter in operation.Parameters)
        {
            foreach (var id in GarbageIds)
                yield return d => !d.Path.Contains(targets.IdFor(operation.Template, parameter), StringComparison.Ordinal) ? d
                    : d with { Defect = $"{Then(d.Defect)}{parameter} {Short(id)}", Path = d.Path.Replace(targets.IdFor(operation.Template, parameter), id) };
        }
        foreach (var (header, key) in operation.IsForm ? [] : BadKeys(operation))
        {
            yield return d => d with
            {
                Defect = $"{Then(d.Defect)}{header} {Short(key ?? "missing")}",
                Headers = d.Headers.Remove(ApiKeyAuthenticationHandler.Header).Remove(ApiKeyAuthenticationHandler.AdminHeader)
                    .AddRange(key is null ? [] : [KeyValuePair.Create(header, key)]),
            };
        }
        foreach (var tag in operation.IfMatch ? BadIfMatch : [])
            yield return d => d with { Defect = $"{Then(d.Defect)}If-Match {tag}", Headers = d.Headers.SetItem("If-Match", tag) };
        foreach (var key in operation.IdempotencyKey ? BadIdempotencyKeys : [])
            yield return d => d with { Defect = $"{Then(d.Defect)}Idempotency-Key {Short(key)}", Headers = d.Headers.SetItem("Idempotency-Key", key) };
    }

    private IEnumerable<(string Header, string? Key)> BadKeys(WriteOperation operation)
    {
        var header = operation.AdminKey ? ApiKeyAuthenticationHandler.AdminHeader : ApiKeyAuthenticationHandler.Header;
        var real = operation.AdminKey ? targets.AdminKey : targets.OperatorKey;
        foreach (var key in new[] { null, "", "garbage", "acc_", "acc_x_y", real[..^1] + (real[^1] == 'A' ? 'B' : 'A'), new string('k', 5000) })
            yield return (header, key);
        if (operation.AdminKey)
        {
            yield return (ApiKeyAuthenticationHandler.AdminHeader, targets.OperatorKey);
            yield return (ApiKeyAuthenticationHandler.Header, targets.OperatorKey);
            yield break;
        }
        yield return (header, targets.VendorKey);
        yield return (header, targets.OtherTenantKey);
        yield return (header, targets.AdminKey);
        yield return ("Authorization", $"Bearer {targets.OperatorKey}");
    }

    private IEnumerable<Draft> FormDefects(WriteOperation operation)
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
            fields.AddRange([("no answer", $"form={seal}&answer="), ("answer too long", $"form={seal}&answer={new string('x', 4001)}")]);
        foreach (var (defect, body) in fields)
            yield return Base(operation, Encoding.UTF8.GetBytes(body)) with { Defect = defect };
        var json = Base(operation, Encoding.UTF8.GetBytes($"{{\"form\":\"{targets.FormSeal}\"}}"));
        foreach (var type in new[] { "application/json", "text/plain", "" })
            yield return ContentType(json, type, null);
        yield return ContentType(json, "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"form\"\r\n\r\nabc");
        yield return ContentType(json, "multipart/form-data", "form=abc");
        yield return GarbageSeal(operation) with { Defect = "cross-site", Headers = GarbageSeal(operation).Headers.SetItem("Sec-Fetch-Site", "cross-site") };
    }

    private Draft GarbageSeal(WriteOperation operation) => Base(operation, "form=abc"u8.ToArray()) with { Defect = "garbage seal" };

    private static Draft ContentType(Draft draft, string type, string? body) => draft with
    {
        Defect = $"content type {Short(type)}",
        ContentType = type.Length == 0 ? null : type,
        Body = string.IsNullOrEmpty(body) ? draft.Body : Encoding.UTF8.GetBytes(body),
    };

    private Draft Base(WriteOperation operation, byte[]? body)
    {
        var path = operation.Parameters.Aggregate(operation.Template, (p, name) => p.Replace($"{{{name}}}", targets.IdFor(operation.Template, name)));
        var headers = ImmutableDictionary<string, string>.Empty;
        if (operation.IsForm)
            headers = headers.Add("Accept", "application/json");
        else
            headers = operation.AdminKey ? headers.Add(ApiKeyAuthenticationHandler.AdminHeader, targets.AdminKey) : headers.Add(ApiKeyAuthenticationHandler.Header, targets.OperatorKey);
        var type = body is null ? null : operation.IsForm ? "application/x-www-form-urlencoded" : "application/json";
        return new Draft("", path, body, type, headers);
    }

    private static string Then(string defect) => defect.Length == 0 ? "" : $"{defect}, ";

    private static string Short(string text) => text.Length == 0 ? "empty" : text.Length > 24 ? $"{text[..8]}...({text.Length} chars)" : text;
}
