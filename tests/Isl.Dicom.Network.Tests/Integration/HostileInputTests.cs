using System.Net.Sockets;
using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Pdus;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class HostileInputTests
{
    private static readonly TimeSpan CloseDeadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Thousands_of_malformed_pdus_are_aborted_with_bounded_memory_and_normal_peers_still_work()
    {
        await using var scp = new ScpHost(o =>
        {
            o.ArtimTimeout = TimeSpan.FromSeconds(1);
            o.IdleTimeout = TimeSpan.FromSeconds(1);
            o.MaxAssociations = 64;
        });
        var accepted = AcceptedRequest().Encode();
        var random = new Random(42);
        var cases = Enumerable.Range(0, 2000).Select(i => HostilePayload(i, random, accepted)).ToList();
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var notClosed = 0;
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(cases.Select(async payload =>
        {
            await gate.WaitAsync();
            try
            {
                if (!await SendAndExpectCloseAsync(scp.Port, payload))
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
        Assert.Equal(2, await scp.Index.CountAsync());
        Assert.Empty(Directory.GetFiles(Path.Combine(scp.SpoolRoot, ".incoming")));
    }

    [Fact]
    public async Task Slow_senders_are_dropped_before_and_after_association()
    {
        await using var scp = new ScpHost(o =>
        {
            o.ArtimTimeout = TimeSpan.FromSeconds(1);
            o.IdleTimeout = TimeSpan.FromSeconds(1);
        });
        var request = AcceptedRequest().Encode();

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

            Assert.True(dropped || await ServerClosesAsync(slow, TimeSpan.FromSeconds(1)), "the slow association request was not dropped");
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        }

        // Associated, then silent: the idle timeout aborts.
        using var idle = new TcpClient { NoDelay = true };
        await idle.ConnectAsync("127.0.0.1", scp.Port);
        await idle.GetStream().WriteAsync(request);
        var buffer = new byte[6];
        await idle.GetStream().ReadExactlyAsync(buffer);
        Assert.Equal((byte)PduType.AssociateAccept, buffer[0]);
        Assert.True(await ServerClosesAsync(idle, TimeSpan.FromSeconds(4)));
        Assert.Equal(0, ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]).ExitCode);
    }

    private static AAssociateRq AcceptedRequest() => new()
    {
        CalledAeTitle = "ISL-TEST",
        CallingAeTitle = "ECHOSCU",
        PresentationContexts = [new PresentationContextProposal(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"]), new PresentationContextProposal(3, "1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2"])],
        UserInformation = new UserInformation { MaxPduLength = 16384 },
    };

    private static byte[] HostilePayload(int i, Random random, byte[] accepted)
    {
        byte[] Random(int max)
        {
            var bytes = new byte[random.Next(1, max)];
            random.NextBytes(bytes);
            return bytes;
        }

        byte[] Pdu(byte type, uint length, byte[] body) =>
            [type, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. body];

        var command = DimseCommandCodec.Encode(new CStoreRequest { MessageId = 1, SopClassUid = "1.2.840.10008.5.1.4.1.1.2", SopInstanceUid = "1.2.3" });
        return (i % 10) switch
        {
            0 => Random(2000),
            1 => Pdu(1, 0xFFFFFFF0, Random(100)),
            2 => accepted[..random.Next(1, accepted.Length)],
            3 => new PDataTf([new PresentationDataValue(1, true, true, command)]).Encode(),
            4 => Pdu(1, 1_000_000, Random(1000)),
            5 => [.. accepted, .. Random(500)],
            6 => [.. accepted, .. Pdu(4, 12, [0, 0, 0, 0x7F, 1, 3, 1, 2, 3, 4, 5, 6])],
            7 => [.. accepted, .. new PDataTf([new PresentationDataValue(3, false, true, Random(100))]).Encode()],
            8 => [.. accepted, .. new PDataTf([new PresentationDataValue(3, true, true, Random(200))]).Encode()],
            _ => [.. accepted, .. new PDataTf([new PresentationDataValue(5, true, true, command)]).Encode()],
        };
    }

    private static async Task<bool> SendAndExpectCloseAsync(int port, byte[] payload)
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

        return await ServerClosesAsync(client, CloseDeadline);
    }

    private static async Task<bool> ServerClosesAsync(TcpClient client, TimeSpan within)
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
}
