using System.Net;
using System.Net.Sockets;

namespace TipReferral.Testing;

/// <summary>
/// A loopback TCP relay a service is pointed at instead of the broker, so one test can cut
/// that service off from the broker (and restore it) without disturbing the shared broker
/// that other tests are using at the same moment. Stopping closes the listener and every
/// open connection, as a broker that goes away would.
/// </summary>
public sealed class TcpProxy(IPEndPoint target) : IAsyncDisposable
{
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;
    private CancellationTokenSource? running;

    public int Port { get; private set; }

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        running = new CancellationTokenSource();
        _ = AcceptAsync(listener, running.Token);
    }

    public void Stop()
    {
        running?.Cancel();
        listener?.Stop();
        lock (connections)
        {
            connections.ForEach(connection => connection.Dispose());
            connections.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(target, cancellationToken);
            }
            catch (SocketException)
            {
                client.Dispose();
                upstream.Dispose();
                continue;
            }

            lock (connections)
            {
                connections.Add(client);
                connections.Add(upstream);
            }

            _ = PumpAsync(client, upstream, cancellationToken);
            _ = PumpAsync(upstream, client, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // The other side or Stop() closed the connection.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
