using System.Net;
using System.Net.Sockets;

namespace Isl.Testing;

/// <summary>Hands out free TCP ports on 127.0.0.1 for peers that tests start themselves.</summary>
public static class FreePort
{
    /// <summary>A port that was free on loopback a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
