using System.Net.Sockets;
using Isl.Dicom.Network.Pdus;
using Isl.Dicom.Network.Tests.TestData;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class HostileInputTests
{
    [Fact]
    public async Task Thousands_of_malformed_pdus_are_aborted_with_bounded_memory_and_normal_peers_still_work()
    {
        await using var scp = new ScpHost(o =>
        {
            o.ArtimTimeout = TimeSpan.FromSeconds(1);
            o.AssociationRequestTimeout = TimeSpan.FromSeconds(1);
            o.IdleTimeout = TimeSpan.FromSeconds(1);
            o.MaxAssociations = 64;
            o.MaxPendingConnectionsPerAddress = 64;
        });
        var accepted = HostilePdus.AcceptedRequest().Encode();
        var random = new Random(42);
        var cases = Enumerable.Range(0, 2000).Select(i => HostilePdus.Payload(i, random, accepted)).ToList();
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var notClosed = 0;
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(cases.Select(async payload =>
        {
            await gate.WaitAsync();
            try
            {
                if (!await SocketProbe.SendAndExpectCloseAsync(scp.Port, payload))
                {
                    Interlocked.Increment(ref notClosed);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Equal(0, notClosed);
        GC.Collect();
        var growth = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        Assert.True(growth < 64 * 1024 * 1024, $"managed memory grew by {growth / 1024 / 1024} MB");

        var echo = ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]);
        Assert.True(echo.ExitCode == 0, echo.Output);
        var store = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), .. SharedData.GeHeadCtFiles()[..2]]);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Equal(2, scp.Stored.Count);
        Assert.Empty(Directory.GetFiles(Path.Combine(scp.SpoolRoot, ".incoming")));
    }

    [Fact]
    public async Task Slow_senders_are_dropped_before_and_after_association()
    {
        await using var scp = new ScpHost(o =>
        {
            o.ArtimTimeout = TimeSpan.FromSeconds(1);
            o.AssociationRequestTimeout = TimeSpan.FromSeconds(1);
            o.IdleTimeout = TimeSpan.FromSeconds(1);
        });
        var request = HostilePdus.AcceptedRequest().Encode();

        // A-ASSOCIATE-RQ one byte every 150 ms: ARTIM bounds the whole request.
        using (var slow = new TcpClient { NoDelay = true })
        {
            await slow.ConnectAsync("127.0.0.1", scp.Port);
            var stream = slow.GetStream();
            var started = DateTime.UtcNow;
            var dropped = false;
            foreach (var b in request)
            {
                try
                {
                    await stream.WriteAsync(new[] { b });
                }
                catch (IOException)
                {
                    dropped = true;
                    break;
                }

                await Task.Delay(150);
                if (DateTime.UtcNow - started > TimeSpan.FromSeconds(4))
                {
                    break;
                }
            }

            Assert.True(dropped || await SocketProbe.ServerClosesAsync(slow, TimeSpan.FromSeconds(1)), "the slow association request was not dropped");
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        }

        // Associated, then silent: the idle timeout aborts.
        using var idle = new TcpClient { NoDelay = true };
        await idle.ConnectAsync("127.0.0.1", scp.Port);
        await idle.GetStream().WriteAsync(request);
        var buffer = new byte[6];
        await idle.GetStream().ReadExactlyAsync(buffer);
        Assert.Equal((byte)PduType.AssociateAccept, buffer[0]);
        Assert.True(await SocketProbe.ServerClosesAsync(idle, TimeSpan.FromSeconds(4)));
        Assert.Equal(0, ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]).ExitCode);
    }
}
