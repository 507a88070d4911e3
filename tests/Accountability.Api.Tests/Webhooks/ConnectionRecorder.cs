using System.Net;
using System.Net.Sockets;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>A loopback port that accepts and counts connections and never answers: shows whether anything came.</summary>
public sealed class ConnectionRecorder : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> accepted = [];
    private int connections;

    public ConnectionRecorder()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync();
                lock (accepted)
                    accepted.Add(client);
                Interlocked.Increment(ref connections);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        listener.Stop();
        lock (accepted)
            accepted.ForEach(c => c.Dispose());
    }
}
