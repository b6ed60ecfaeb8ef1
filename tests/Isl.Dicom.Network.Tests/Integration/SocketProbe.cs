using System.Net;
using System.Net.Sockets;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>Raw TCP probes of the SCP: send bytes, open idle sockets from chosen loopback addresses, wait for the server to close.</summary>
internal static class SocketProbe
{
    /// <summary>Sends <paramref name="payload"/> on a new connection; true when the server closes it within 5 s.</summary>
    public static async Task<bool> SendAndExpectCloseAsync(int port, byte[] payload)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        try
        {
            await client.GetStream().WriteAsync(payload);
        }
        catch (IOException)
        {
            return true;
        }

        return await ServerClosesAsync(client, TimeSpan.FromSeconds(5));
    }

    /// <summary>Reads (and discards) until the server closes; false when it is still open after <paramref name="within"/>.</summary>
    public static async Task<bool> ServerClosesAsync(TcpClient client, TimeSpan within)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(within);
        try
        {
            while (await client.GetStream().ReadAsync(buffer, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Opens <paramref name="count"/> connections that send nothing, from source address 127.0.0.<paramref name="lastOctet"/>.</summary>
    public static async Task<List<TcpClient>> OpenIdleAsync(int port, int count, int lastOctet)
    {
        var clients = new List<TcpClient>();
        for (var i = 0; i < count; i++)
        {
            var client = new TcpClient(new IPEndPoint(IPAddress.Parse($"127.0.0.{lastOctet}"), 0)) { NoDelay = true };
            await client.ConnectAsync(IPAddress.Loopback, port);
            clients.Add(client);
        }

        return clients;
    }

    /// <summary>How many of <paramref name="clients"/> the server has closed within <paramref name="within"/> (checked concurrently).</summary>
    public static async Task<int> CountClosedAsync(IEnumerable<TcpClient> clients, TimeSpan within)
    {
        var closed = await Task.WhenAll(clients.Select(c => ServerClosesAsync(c, within)));
        return closed.Count(c => c);
    }
}
