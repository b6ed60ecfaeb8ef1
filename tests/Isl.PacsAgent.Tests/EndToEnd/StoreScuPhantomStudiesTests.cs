using System.Diagnostics;
using System.Text.Json;
using Isl.Dicom;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Xunit.Abstractions;

namespace Isl.PacsAgent.Tests.EndToEnd;

/// <summary>
/// dcmtk's storescu sends a phantom hemorrhage study and a phantom normal study straight to the real
/// <c>isl-agent run</c> (its C-STORE SCP) with the committed demo bundle; within a bounded time both studies in a real
/// Orthanc hold the triage SR and the heatmap series. The SR passes dciodvfy, carries the score and the bundle's
/// threshold with the finding that follows from them (Abnormal exactly when score ≥ threshold), and every image it or
/// a heatmap references is stored in Orthanc. The hemorrhage is flagged, the normal study is not, and the hemorrhage
/// scores above it. Both engines (Scoring:Engine torch and onnx) run it.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ModelScoringCollection.Name)]
public sealed class StoreScuPhantomStudiesTests(ITestOutputHelper output)
{
    // About 20 s on a 2-core box under a load average of 14; the bound leaves room for a busier CI machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("torch", "torch on cpu")]
    [InlineData("onnx", "onnx CPUExecutionProvider")]
    public async Task BothStudiesGetAValidSrAndHeatmapsInOrthancWithTheScoreAndAConsistentFlag(string engine, string networks)
    {
        var normal = PhantomFiles.SharedNormal;
        var hemorrhage = PhantomFiles.SharedHemorrhage;
        using var temp = new TempDirectory("isl-storescu-e2e");
        using var orthanc = await PacsOrthanc.StartAsync();
        foreach (var file in Directory.GetFiles(normal.Directory).Concat(Directory.GetFiles(hemorrhage.Directory)))
        {
            Assert.Equal("Success", await orthanc.StoreAsync(file));
        }

        var dicomPort = FreePort.Next();
        var configuration = AgentProcess.Configuration(temp.Combine("agent"), dicomPort, FreePort.Next(), stableAgeSeconds: 2);
        AgentProcess.AddOrthancDestination(configuration, orthanc.RestRoot);
        ((Dictionary<string, object>)configuration["Scoring"])["Engine"] = engine;
        using var agent = await AgentProcess.StartAsync(temp.Combine("agent.json"), configuration);
        await AgentFixture.WaitForAsync(() => agent.Log.Contains($"networks run in {networks}", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the model's start log line", () => agent.Log);
        var threshold = BundleScanThreshold();

        var scores = new Dictionary<string, (double Score, bool Abnormal)>();
        var clock = Stopwatch.StartNew();
        PeerChecks.StoreScu(dicomPort, hemorrhage.Directory);
        PeerChecks.StoreScu(dicomPort, normal.Directory);
        foreach (var (label, (uid, directory)) in new[] { ("hemorrhage", hemorrhage), ("normal", normal) })
        {
            var record = await agent.WaitForStateAsync(uid, "Done", Bound - clock.Elapsed);
            output.WriteLine($"{label}: done {clock.Elapsed.TotalSeconds:0.0} s after the first C-STORE; {record.GetProperty("triage")}");
            var triage = record.GetProperty("triage");
            var score = triage.GetProperty("score").GetDouble();
            scores[label] = (score, triage.GetProperty("abnormal").GetBoolean());

            var series = await OrthancContents.SeriesAsync(orthanc.Http, uid);
            var ct = series.Single(s => s.Modality == "CT");
            Assert.Equal(Directory.GetFiles(directory).Length, ct.SopInstanceUids.Count);
            var srSeries = series.Single(s => s.Modality == "SR");
            var heatmaps = series.Single(s => s.Modality == "OT");
            Assert.InRange(heatmaps.SopInstanceUids.Count, 2, ct.SopInstanceUids.Count + 1); // the summary, then one per scored slice

            var srPath = await DownloadAsync(orthanc, Assert.Single(srSeries.SopInstanceUids), temp.Combine($"{label}-sr.dcm"));
            Dciodvfy.AssertClean(srPath);
            Assert.Contains("Imaging Measurement Report", PeerChecks.Dsrdump(srPath), StringComparison.Ordinal);
            var content = TriageSrContent.Read(DicomFile.Open(srPath).Dataset);
            Assert.Equal(threshold, content.Threshold!.Value, 4);
            Assert.Equal(score, content.AnomalyScore!.Value, 4);
            Assert.Equal(content.AnomalyScore >= content.Threshold ? TriageSrContent.AbnormalCode : TriageSrContent.NormalCode, content.FindingCode);
            Assert.Equal(content.FindingCode == TriageSrContent.AbnormalCode, triage.GetProperty("abnormal").GetBoolean());
            Assert.NotEmpty(content.ReferencedSopInstanceUids);
            Assert.All(content.ReferencedSopInstanceUids, sop => Assert.Contains(sop, ct.SopInstanceUids));

            var heatmapPath = await DownloadAsync(orthanc, heatmaps.SopInstanceUids[0], temp.Combine($"{label}-sc.dcm"));
            Dciodvfy.AssertClean(heatmapPath);
            var source = DicomFile.Open(heatmapPath).Dataset.GetSequence(DicomTags.SourceImageSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID);
            Assert.Contains(source, ct.SopInstanceUids);

            var metadata = await OrthancContents.StudyMetadataAsync(orthanc.Http, uid, PacsOrthanc.MetadataName);
            Assert.StartsWith(content.FindingCode == TriageSrContent.AbnormalCode ? "ABNORMAL score=" : "NORMAL score=", metadata, StringComparison.Ordinal);
            Assert.EndsWith(" model=isl-head-ct-demo modelVersion=1.0.0", metadata, StringComparison.Ordinal);
        }

        var summary = $"hemorrhage {scores["hemorrhage"]}, normal {scores["normal"]}, threshold {threshold}";
        Assert.True(scores["hemorrhage"].Abnormal, summary);
        Assert.False(scores["normal"].Abnormal, summary);
        Assert.True(scores["hemorrhage"].Score > scores["normal"].Score, summary);
    }

    private static double BundleScanThreshold()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "models", "head-ct-demo", "manifest.json")));
        return manifest.RootElement.GetProperty("thresholds").GetProperty("scan").GetDouble();
    }

    private static async Task<string> DownloadAsync(OrthancProcess orthanc, string sopInstanceUid, string path)
    {
        using var content = new StringContent(sopInstanceUid);
        using var lookup = await orthanc.Http.PostAsync(new Uri("tools/lookup", UriKind.Relative), content);
        var id = JsonDocument.Parse(await lookup.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single(m => m.GetProperty("Type").GetString() == "Instance").GetProperty("ID").GetString();
        await File.WriteAllBytesAsync(path, await orthanc.Http.GetByteArrayAsync(new Uri($"instances/{id}/file", UriKind.Relative)));
        return path;
    }
}
