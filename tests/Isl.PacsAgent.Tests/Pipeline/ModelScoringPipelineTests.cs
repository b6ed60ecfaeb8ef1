using Isl.Dicom;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.EndToEnd;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Pipeline;

/// <summary>The in-process agent scores real series with the demo bundle (CPU): thin slices as slabs, unreadable slices left out.</summary>
[Trait("Category", "Integration")]
[Collection(ModelScoringCollection.Name)]
public sealed class ModelScoringPipelineTests
{
    [Fact]
    public async Task TheRealThinSeriesIsScoredAsAboutThirtyFiveMillimetreSlabsWhoseOutputsReferenceTheirSourceSlices()
    {
        using var temp = new TempDirectory("isl-slabs");
        var files = RealSeries.ThinContrastFiles();
        var settings = Settings(temp);
        settings["SeriesSelection:AllowContrast"] = "true";
        var app = AgentFixture.Build(settings);
        await app.StartAsync();
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var studyUid = StudyUid(files[0]);
            var record = await WaitForDoneAsync(app, studyUid, TimeSpan.FromMinutes(4));

            var triage = record.Triage!;
            Assert.Equal(30, triage.SlicesScored + triage.SlicesNotScored);
            Assert.Contains("238 slices of 0.625 mm scored as 30 slabs of 5 mm", triage.Notes, StringComparison.Ordinal);
            var outputs = ResultFiles.List(temp.Combine("outputs"), studyUid, record.Revision).Select(f => DicomFile.Open(f).Dataset).ToList();
            var sources = RealSeries.Headers(files).ToDictionary(h => h.SopInstanceUid, StringComparer.Ordinal);
            var sr = Assert.Single(outputs, d => d.GetString(DicomTags.Modality) == "SR");
            Assert.Equal(sources.Keys.Order(StringComparer.Ordinal), TriageSrContent.Read(sr).ReferencedSopInstanceUids);

            // Instance 1 of the heatmap series is the summary image (the most suspicious slices and the score curve).
            var heatmaps = outputs.Where(d => d.GetString(DicomTags.Modality) == "OT" && d.GetInt32(DicomTags.InstanceNumber) > 1).ToList();
            Assert.Equal(triage.SlicesScored, heatmaps.Count);
            Assert.Single(outputs, d => d.GetString(DicomTags.Modality) == "OT" && d.GetInt32(DicomTags.InstanceNumber) == 1);
            var referenced = new List<string>();
            foreach (var sc in heatmaps)
            {
                var slab = sc.GetSequence(DicomTags.SourceImageSequence).Select(r => r.GetString(DicomTags.ReferencedSOPInstanceUID)).ToList();
                Assert.InRange(slab.Count, 6, 9);
                var positions = slab.Select(s => sources[s].ImagePositionPatient![2]).ToList();
                Assert.True(positions.Max() - positions.Min() < 5, $"a slab spans {positions.Max() - positions.Min():0.##} mm");
                referenced.AddRange(slab);
            }

            Assert.Equal(referenced.Count, referenced.Distinct(StringComparer.Ordinal).Count());
            Dciodvfy.AssertClean(ResultFiles.List(temp.Combine("outputs"), studyUid, record.Revision).First(f => DicomFile.Open(f).Dataset.GetString(DicomTags.Modality) == "SR"));
            Dciodvfy.AssertClean(ResultFiles.List(temp.Combine("outputs"), studyUid, record.Revision).First(f => DicomFile.Open(f).Dataset.GetString(DicomTags.Modality) == "OT"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheRealGeSeriesWithOneTruncatedSliceIsScoredWithoutItAndSaysSo()
    {
        using var temp = new TempDirectory("isl-truncated");
        var files = SharedData.GeHeadCtFiles().Select(f => CopyTo(f, temp.Combine("in"))).ToList();
        var broken = files[13];
        var brokenUid = DicomFile.Open(broken, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset.GetString(DicomTags.SOPInstanceUID);
        using (var stream = new FileStream(broken, FileMode.Open))
        {
            stream.SetLength(stream.Length - 300_000); // inside Pixel Data: the header still reads, the pixels do not
        }

        var app = AgentFixture.Build(Settings(temp));
        await app.StartAsync();
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var studyUid = StudyUid(files[0]);
            var record = await WaitForDoneAsync(app, studyUid, TimeSpan.FromMinutes(3));

            var triage = record.Triage!;
            Assert.Equal(27, triage.SlicesScored + triage.SlicesNotScored);
            Assert.Contains($"instance {brokenUid} left out: it could not be read", triage.Notes, StringComparison.Ordinal);
            var srPath = ResultFiles.List(temp.Combine("outputs"), studyUid, record.Revision).First(f => DicomFile.Open(f).Dataset.GetString(DicomTags.Modality) == "SR");
            var sr = TriageSrContent.Read(DicomFile.Open(srPath).Dataset);
            Assert.Equal(27, sr.ReferencedSopInstanceUids.Count);
            Assert.DoesNotContain(brokenUid, sr.ReferencedSopInstanceUids);
            Assert.Contains(brokenUid, File.ReadAllText(srPath), StringComparison.Ordinal); // the scoring note names it
            Dciodvfy.AssertClean(srPath);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASeriesLeftWithTooFewReadableSlicesIsNotAnalysedNamingTheUnreadableOne()
    {
        using var temp = new TempDirectory("isl-too-few");
        var files = SharedData.GeHeadCtFiles().Select(f => CopyTo(f, temp.Combine("in"))).ToList();
        using (var stream = new FileStream(files[3], FileMode.Open))
        {
            stream.SetLength(stream.Length - 300_000);
        }

        var settings = Settings(temp);
        settings["SeriesSelection:MinSlices"] = "28";
        var app = AgentFixture.Build(settings);
        await app.StartAsync();
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var studyUid = StudyUid(files[0]);
            var studies = app.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(() => studies.Find(studyUid)?.State is StudyState.Done or StudyState.Failed or StudyState.NotAnalysed, TimeSpan.FromMinutes(2), "the study's outcome");

            var record = studies.Find(studyUid)!;
            Assert.Equal(StudyState.NotAnalysed, record.State);
            Assert.Contains("only 27 of 28 slices", record.Reason, StringComparison.Ordinal);
            Assert.Contains(DicomFile.Open(files[3], new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset.GetString(DicomTags.SOPInstanceUID), record.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task WithAnIntracranialBundleTheGeSlicesWithTooLittleBrainAreRecordedNotScoredAndGetNoHeatmap()
    {
        using var temp = new TempDirectory("isl-intracranial");
        var settings = Settings(temp);
        settings["Scoring:BundlePath"] = await IntracranialDemoBundleAsync(temp, minIntracranialFraction: 0.15);
        var app = AgentFixture.Build(settings);
        await app.StartAsync();
        try
        {
            var files = SharedData.GeHeadCtFiles();
            await AgentFixture.IngestAsync(app, files);
            var studyUid = StudyUid(files[0]);
            var record = await WaitForDoneAsync(app, studyUid, TimeSpan.FromMinutes(3));

            var triage = record.Triage!;
            Assert.Equal(28, triage.SlicesScored + triage.SlicesNotScored);
            Assert.True(triage.SlicesScored > 0 && triage.SlicesNotScored > 0, $"{triage.SlicesScored} scored, {triage.SlicesNotScored} not");
            Assert.Contains($"{triage.SlicesNotScored} of 28 slices not scored", triage.Notes, StringComparison.Ordinal);
            var outputs = ResultFiles.List(temp.Combine("outputs"), studyUid, record.Revision).Select(f => DicomFile.Open(f, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset).ToList();
            Assert.Equal(triage.SlicesScored, outputs.Count(d => d.GetString(DicomTags.Modality) == "OT") - 1);
            Assert.Equal(28, TriageSrContent.Read(outputs.Single(d => d.GetString(DicomTags.Modality) == "SR")).ReferencedSopInstanceUids.Count);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task WhenNoSliceHasEnoughBrainTheStudyIsNotAnalysedWithTheModelsReason()
    {
        using var temp = new TempDirectory("isl-no-brain");
        var settings = Settings(temp);
        settings["Scoring:BundlePath"] = await IntracranialDemoBundleAsync(temp, minIntracranialFraction: 0.99);
        var app = AgentFixture.Build(settings);
        await app.StartAsync();
        try
        {
            var files = SharedData.GeHeadCtFiles();
            await AgentFixture.IngestAsync(app, files);
            var studyUid = StudyUid(files[0]);
            var studies = app.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(() => studies.Find(studyUid)?.State is StudyState.Done or StudyState.Failed or StudyState.NotAnalysed, TimeSpan.FromMinutes(2), "the study's outcome");

            var record = studies.Find(studyUid)!;
            Assert.Equal(StudyState.NotAnalysed, record.State);
            Assert.Contains("enough intracranial area", record.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>The demo bundle, copied, counting only the intracranial region with the given minimum share per slice.</summary>
    private static async Task<string> IntracranialDemoBundleAsync(TempDirectory temp, double minIntracranialFraction)
    {
        var bundle = temp.Combine("bundle");
        Directory.CreateDirectory(bundle);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("samples", "models", "head-ct-demo")))
        {
            File.Copy(file, Path.Combine(bundle, Path.GetFileName(file)));
        }

        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bundle, "manifest.json")))!;
        manifest["preprocessing"]!["effectiveArea"] = "Intracranial";
        manifest["preprocessing"]!["minIntracranialFraction"] = minIntracranialFraction;
        await File.WriteAllTextAsync(Path.Combine(bundle, "manifest.json"), manifest.ToJsonString());
        return bundle;
    }

    private static Dictionary<string, string?> Settings(TempDirectory temp)
    {
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 2);
        settings["Scoring:BundlePath"] = RepositoryRoot.Combine("samples", "models", "head-ct-demo");
        settings["Scoring:Device"] = "cpu";
        return settings;
    }

    private static async Task<StudyRecord> WaitForDoneAsync(Microsoft.AspNetCore.Builder.WebApplication app, string studyUid, TimeSpan timeout)
    {
        var studies = app.Services.GetRequiredService<StudyStore>();
        await AgentFixture.WaitForAsync(() => studies.Find(studyUid)?.State is StudyState.Done or StudyState.Failed or StudyState.NotAnalysed, timeout, "the study to be scored");
        var record = studies.Find(studyUid)!;
        Assert.True(record.State == StudyState.Done, $"state {record.State}: {record.Reason}");
        return record;
    }

    private static string StudyUid(string file) =>
        DicomFile.Open(file, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset.GetString(DicomTags.StudyInstanceUID);

    private static string CopyTo(string file, string directory)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, Path.GetFileName(file));
        File.Copy(file, target);
        return target;
    }
}
