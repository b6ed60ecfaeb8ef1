using System.Diagnostics;
using System.Net.Sockets;
using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Tests.TestData;
using Isl.Testing;
using Xunit.Abstractions;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>
/// Issue 16 item 7: a bounded, seeded fuzz run against one SCP (malformed PDUs, mutated data sets with truncated and
/// oversized lengths, the issue's bad data sets, idle and slow sockets alongside). Afterwards the receiver answers
/// echoscu and storescu and its spool holds only files that our parser and dcmdump read. bench/network-fuzz.sh is the larger run.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FuzzSuiteTests(ITestOutputHelper output)
{
    private const int Seed = 1616;

    [Fact]
    public async Task A_seeded_fuzz_run_leaves_a_working_receiver_and_only_readable_files_in_the_spool()
    {
        var watch = Stopwatch.StartNew();
        await using var scp = new ScpHost(o =>
        {
            o.AssociationRequestTimeout = TimeSpan.FromSeconds(1);
            o.ArtimTimeout = TimeSpan.FromSeconds(1);
            o.IdleTimeout = TimeSpan.FromSeconds(2);
            o.MaxPendingConnectionsPerAddress = 64;
        });
        var random = new Random(Seed);
        var idle = await SocketProbe.OpenIdleAsync(scp.Port, 20, 20);
        var slow = Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SlowRequestAsync(scp.Port)));
        try
        {
            // Malformed PDUs, 16 at a time: every one ends in a close.
            var accepted = HostilePdus.AcceptedRequest().Encode();
            var pdus = Enumerable.Range(0, 500).Select(i => HostilePdus.Payload(i, random, accepted)).ToList();
            var notClosed = 0;
            using (var gate = new SemaphoreSlim(16))
            {
                await Task.WhenAll(pdus.Select(async payload =>
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
            }

            Assert.Equal(0, notClosed);

            // Mutated data sets: each is answered (no hang); what is acknowledged must read back in full.
            var problems = new List<string>();
            var answered = new Dictionary<string, int>();
            RawStore? sender = null;
            try
            {
                for (var i = 0; i < 400; i++)
                {
                    var (kind, bytes) = DatasetMutations.Mutate(i, BadDatasets.GoodSlice, random);
                    sender ??= await RawStore.OpenAsync(scp.Port, TimeSpan.FromSeconds(10));
                    try
                    {
                        var response = await sender.StoreAsync(BadDatasets.GoodSliceUid, bytes);
                        var key = $"{kind} 0x{response.Status:X4}";
                        answered[key] = answered.GetValueOrDefault(key) + 1;
                        if (response.Status == DimseStatus.Success)
                        {
                            var path = scp.Find(BadDatasets.GoodSliceUid)!.Path;
                            problems.AddRange(Unreadable(path) is { } why ? [$"case {i} ({kind}) acknowledged but {why}"] : []);
                        }
                    }
                    catch (TimeoutException)
                    {
                        problems.Add($"case {i} ({kind}): no answer within 10 s");
                        sender = null;
                    }
                    catch (Exception ex) when (ex is DicomNetworkException or IOException)
                    {
                        answered[$"{kind} aborted"] = answered.GetValueOrDefault($"{kind} aborted") + 1;
                        await sender.DisposeAsync();
                        sender = null;
                    }
                }

                sender ??= await RawStore.OpenAsync(scp.Port);
                foreach (var (name, commandUid, dataset, expected) in BadDatasets.All())
                {
                    var response = await sender.StoreAsync(commandUid, dataset);
                    if (response.Status != expected)
                    {
                        problems.Add($"{name}: 0x{response.Status:X4}, expected 0x{expected:X4}");
                    }
                }
            }
            finally
            {
                if (sender is not null)
                {
                    await sender.DisposeAsync();
                }
            }

            output.WriteLine($"mutated data sets after {watch.Elapsed}: {string.Join(", ", answered.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}");
            Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n" + string.Join(", ", answered.Select(p => $"{p.Key}: {p.Value}")));
            Assert.True(answered.Keys.Any(k => k.EndsWith("0x0000", StringComparison.Ordinal)) && answered.Keys.Any(k => k.EndsWith("0xC000", StringComparison.Ordinal)), string.Join(", ", answered));

            Assert.Equal(20, await SocketProbe.CountClosedAsync(idle, TimeSpan.FromSeconds(3)));
            await slow;
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }

        var echo = ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]);
        Assert.True(echo.ExitCode == 0, echo.Output);
        var files = SharedData.GeHeadCtFiles()[1..3];
        var store = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), .. files]);
        Assert.True(store.ExitCode == 0, store.Output);
        foreach (var file in files)
        {
            Assert.NotNull(scp.Find(DicomFile.Open(file).Dataset.GetString(DicomTags.SOPInstanceUID)));
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(scp.SpoolRoot, ".incoming")));
        var unreadable = scp.StoredFiles().Select(f => (f, Why: Unreadable(f) ?? DcmdumpRejects(f))).Where(p => p.Why is not null).ToList();
        Assert.True(unreadable.Count == 0, string.Join('\n', unreadable.Select(p => $"{p.f}: {p.Why}")));
        Assert.True(scp.Server.ActiveAssociations == 0 && scp.Server.PendingConnections == 0, $"{scp.Server.ActiveAssociations} associations, {scp.Server.PendingConnections} pending");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"the fuzz run took {watch.Elapsed}");
    }

    private static string? Unreadable(string path)
    {
        try
        {
            _ = DicomFile.Open(path);
            return null;
        }
        catch (DicomException ex)
        {
            return $"our parser rejects it: {ex.Message}";
        }
    }

    private static string? DcmdumpRejects(string path)
    {
        var dump = ExternalTool.Run("dcmdump", ["-q", path]);
        return dump.ExitCode == 0 ? null : $"dcmdump exits {dump.ExitCode}: {dump.Output}";
    }

    /// <summary>An A-ASSOCIATE-RQ a byte every 200 ms: the request timer must cut it off.</summary>
    private static async Task SlowRequestAsync(int port)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        var started = Stopwatch.StartNew();
        try
        {
            foreach (var b in HostilePdus.AcceptedRequest().Encode())
            {
                await client.GetStream().WriteAsync(new[] { b });
                await Task.Delay(200);
                Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), "a slow association request was not cut off");
            }
        }
        catch (IOException)
        {
            return;
        }

        Assert.True(await SocketProbe.ServerClosesAsync(client, TimeSpan.FromSeconds(2)));
    }
}
