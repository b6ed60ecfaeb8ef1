using System.Net.Http.Json;
using Isl.Dicom.Network.Client;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class ScuToPeersTests
{
    [Fact]
    public async Task Our_scu_stores_the_ge_series_in_storescp_byte_equal()
    {
        using var output = new TempDirectory();
        var port = FreePort.Next();
        using var storescp = ExternalTool.Start("storescp", ["-aet", "STORESCP", "-od", output.Path, "-uf", port.ToString()]);
        try
        {
            var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = port, CalledAeTitle = "STORESCP", RetryPolicy = new DicomRetryPolicy { MaxAttempts = 20, InitialDelay = TimeSpan.FromMilliseconds(100), BackoffFactor = 1 } });
            Assert.Equal(0, await client.EchoAsync());
            var files = SharedData.GeHeadCtFiles();
            var results = await client.StoreAsync(files.Select(StoreItem.FromFile));
            Assert.All(results, r => Assert.True(r.IsStored, r.ToString()));
            foreach (var original in files)
            {
                var sop = DicomFile.Open(original).Dataset.GetString(DicomTags.SOPInstanceUID);
                var received = Directory.GetFiles(output.Path, $"*{sop}*").Single();
                Assert.Equal(DicomFiles.DatasetBytes(original), DicomFiles.DatasetBytes(received));
            }
        }
        finally
        {
            storescp.Kill();
        }
    }

    [Fact]
    public async Task Our_scu_stores_in_orthanc_and_orthanc_stores_back_into_our_scp()
    {
        await using var scp = new ScpHost();
        using var orthanc = await OrthancProcess.StartAsync(new OrthancOptions { Modalities = { ["isl"] = new object[] { "ISL-TEST", "127.0.0.1", scp.Port } } });
        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = orthanc.DicomPort, CalledAeTitle = "ORTHANC" });
        var files = SharedData.GeHeadCtFiles();
        var results = await client.StoreAsync(files.Select(StoreItem.FromFile));
        Assert.All(results, r => Assert.True(r.IsStored, r.ToString()));

        var ids = await orthanc.InstanceIdsAsync();
        Assert.Equal(files.Length, ids.Length);
        var one = await orthanc.Http.GetByteArrayAsync($"instances/{ids[0]}/file");
        using var downloaded = new TempDirectory();
        File.WriteAllBytes(downloaded.Combine("x.dcm"), one);
        var sop = DicomFile.Open(downloaded.Combine("x.dcm")).Dataset.GetString(DicomTags.SOPInstanceUID);
        var original = files.Single(f => DicomFile.Open(f).Dataset.GetString(DicomTags.SOPInstanceUID) == sop);
        Assert.Null(DicomFiles.DifferenceOutsideMeta(original, downloaded.Combine("x.dcm")));

        var response = await orthanc.Http.PostAsJsonAsync("modalities/isl/store", new Dictionary<string, object> { ["Resources"] = ids, ["Synchronous"] = true });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(files.Length, scp.Stored.Count);
        foreach (var path in files)
        {
            var stored = scp.Find(DicomFile.Open(path).Dataset.GetString(DicomTags.SOPInstanceUID));
            Assert.Equal("ORTHANC", stored!.CallingAeTitle);
            Assert.Null(DicomFiles.DifferenceOutsideMeta(path, stored.Path));
        }
    }
}
