using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Accountability.Api.Auth;
using Accountability.Domain.Complaints;

namespace Accountability.Api.Tests.Faults;

/// <summary>A write that got 2xx: the complaint, the version its ETag named, and the event it must have appended.</summary>
public sealed record AcceptedWrite(Guid Complaint, long Version, Type Appended);

/// <summary>
/// Concurrent clients each walking complaints through five writes: file, hand to Acme, Acme acknowledges, Acme hands back,
/// the store acknowledges. Each write carries an Idempotency-Key, so a client retries a connection error or a 503 with
/// the same key (the write happened once or not at all); only 2xx answers are recorded. Any other answer is a failure.
/// </summary>
public sealed class WriteLoad(Func<Uri> address, string operatorKey, string acmeKey)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private int complaintsStarted;
    private int retries;

    public ConcurrentBag<AcceptedWrite> Accepted { get; } = [];

    public ConcurrentBag<string> Failures { get; } = [];

    public int Retries => Volatile.Read(ref retries);

    /// <summary>Files and walks <paramref name="complaints"/> complaints, or fewer if <paramref name="enough"/> says so between two.</summary>
    public Task RunAsync(int complaints, int clients, CancellationToken stop, CancellationToken enough = default) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(complaints, stop, enough), stop)));

    private async Task ClientAsync(int complaints, CancellationToken stop, CancellationToken enough)
    {
        int n;
        while (!enough.IsCancellationRequested && (n = Interlocked.Increment(ref complaintsStarted)) <= complaints && Failures.IsEmpty)
        {
            var filed = new { customerReference = $"cust-{n}", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes", channel = "App" };
            var id = await WriteAsync($"{n}-file", operatorKey, "/api/complaints", filed, typeof(ComplaintFiled), null, stop);
            if (id is null)
                return;
            (string Key, string ApiKey, string Action, object? Body, Type Appended)[] steps =
            [
                ("to-acme", operatorKey, "handoffs", new { to = "acme", reason = "NeedsVendorFix" }, typeof(ComplaintHandedOff)),
                ("acme-ack", acmeKey, "acknowledgement", null, typeof(ComplaintAcknowledged)),
                ("to-store", acmeKey, "handoffs", new { to = "store", reason = "NeedsStoreAction" }, typeof(ComplaintHandedOff)),
                ("store-ack", operatorKey, "acknowledgement", null, typeof(ComplaintAcknowledged)),
            ];
            foreach (var step in steps)
            {
                if (await WriteAsync($"{n}-{step.Key}", step.ApiKey, $"/api/complaints/{id}/{step.Action}", step.Body, step.Appended, id, stop) is null)
                    return;
            }
        }
    }

    /// <summary>Sends one write until it gets an answer other than a connection error or a 503; returns the complaint id on 2xx.</summary>
    private async Task<Guid?> WriteAsync(string key, string apiKey, string path, object? body, Type appended, Guid? complaint, CancellationToken stop)
    {
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address(), path));
            request.Headers.Add(ApiKeyAuthenticationHandler.Header, apiKey);
            request.Headers.Add("Idempotency-Key", $"{run}-{key}");
            if (body is not null)
                request.Content = JsonContent.Create(body, body.GetType());
            try
            {
                using var response = await Http.SendAsync(request, stop);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    await RetryLaterAsync(stop);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    Failures.Add($"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(stop)}");
                    return null;
                }
                var id = complaint ?? Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
                Accepted.Add(new AcceptedWrite(id, long.Parse(response.Headers.ETag!.Tag.Trim('"')), appended));
                return id;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !stop.IsCancellationRequested))
            {
                await RetryLaterAsync(stop);
            }
        }
    }

    private async Task RetryLaterAsync(CancellationToken stop)
    {
        Interlocked.Increment(ref retries);
        await Task.Delay(100, stop);
    }
}
