using System.Net.Sockets;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>Issue 16 item 2: sockets that never ask for an association cannot lock legitimate callers out.</summary>
[Trait("Category", "Integration")]
public sealed class IdleSocketTests
{
    [Fact]
    public async Task Echoscu_and_storescu_associate_while_100_idle_sockets_are_open_and_the_idle_ones_are_closed_by_the_request_timer()
    {
        await using var scp = new ScpHost(o => o.MaxAssociations = 4);
        var idle = new List<TcpClient>();
        try
        {
            // 10 addresses x 10 sockets: under the per-address cap, so all 100 wait for their (never sent) request.
            for (var octet = 2; octet < 12; octet++)
            {
                idle.AddRange(await SocketProbe.OpenIdleAsync(scp.Port, 10, octet));
            }

            var opened = DateTime.UtcNow;
            await Task.Delay(300);
            var echo = ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]);
            Assert.True(echo.ExitCode == 0, echo.Output);
            var store = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), .. SharedData.GeHeadCtFiles()[..2]]);
            Assert.True(store.ExitCode == 0, store.Output);
            Assert.Equal(2, scp.StoredFiles().Length);

            // The request timer (5 s by default) closes every idle socket; nothing waits for ARTIM's 30 s.
            var closed = await SocketProbe.CountClosedAsync(idle, TimeSpan.FromSeconds(8) - (DateTime.UtcNow - opened));
            Assert.Equal(100, closed);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Connections_from_one_address_beyond_its_pending_cap_are_closed_at_once_and_others_still_associate()
    {
        await using var scp = new ScpHost();
        var idle = await SocketProbe.OpenIdleAsync(scp.Port, 40, 12);
        try
        {
            // 16 may wait (the default per-address cap); the other 24 are closed unread, long before the request timer.
            var closedAtOnce = await SocketProbe.CountClosedAsync(idle, TimeSpan.FromSeconds(1.5));
            Assert.Equal(24, closedAtOnce);
            var echo = ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]);
            Assert.True(echo.ExitCode == 0, echo.Output);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }
}
