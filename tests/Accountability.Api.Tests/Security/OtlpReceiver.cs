using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// A collector's OTLP/HTTP endpoint on a loopback port: keeps the raw protobuf body of every export it is sent
/// (/v1/traces, /v1/metrics, /v1/logs) and answers each with an empty success. Protobuf keeps strings as plain UTF-8,
/// so a secret that was exported is found in the bytes.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> exports = new();
    private readonly Task serving;

    private OtlpReceiver(HttpListener listener, Uri endpoint)
    {
        this.listener = listener;
        Endpoint = endpoint;
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The base address a service's OTEL_EXPORTER_OTLP_ENDPOINT names.</summary>
    public Uri Endpoint { get; }

    public static OtlpReceiver Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var endpoint = new Uri(Infrastructure.ServiceProcess.LoopbackUrl() + "/");
            var listener = new HttpListener();
            listener.Prefixes.Add(endpoint.ToString());
            try
            {
                listener.Start();
                return new OtlpReceiver(listener, endpoint);
            }
            catch (HttpListenerException) when (attempt < 5) // the free port was taken in between
            {
                listener.Close();
            }
        }
    }

    /// <summary>Everything exported for one signal (traces, metrics or logs), as one text to search.</summary>
    public string Received(string signal) =>
        string.Concat(exports.Where(e => e.Signal == signal).Select(e => Encoding.UTF8.GetString(e.Body)));

    /// <summary>All bytes received, whatever the signal.</summary>
    public IReadOnlyList<byte[]> Bodies => exports.Select(e => e.Body).ToList();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            var content = context.Request.Headers["Content-Encoding"] == "gzip"
                ? new GZipStream(context.Request.InputStream, CompressionMode.Decompress)
                : context.Request.InputStream;
            await content.CopyToAsync(body);
            exports.Enqueue((context.Request.Url!.AbsolutePath.TrimStart('/')["v1/".Length..], body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Close();
        serving.Wait(TimeSpan.FromSeconds(10));
    }
}
