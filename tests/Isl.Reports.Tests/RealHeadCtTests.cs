using Isl.Dicom;
using Isl.Dicom.Imaging;
using Isl.Testing;

namespace Isl.Reports.Tests;

/// <summary>The outputs built over the real GE head CT series (shared/data): real headers, real pixels.</summary>
[Trait("Category", "Integration")]
public class RealHeadCtTests
{
    private static readonly DateTimeOffset Completed = new(2026, 11, 26, 20, 0, 0, TimeSpan.FromHours(1));

    private static (List<DicomFile> Files, TriageResult Result) Triage()
    {
        var files = SharedData.GeHeadCtFiles().Select(path => DicomFile.Open(path)).ToList();
        var slices = files.Select((f, i) => new ScoredSlice(SourceImage.FromDataset(f.Dataset), 0.1 + (0.02 * i))).ToList();
        var top = slices.MaxBy(s => s.Score)!;
        var heat = HotSpot(64, 40, 20, 6);
        var result = new TriageResult
        {
            StudyInstanceUid = top.Image.StudyInstanceUid,
            Flag = TriageFlag.Abnormal,
            Slices = slices,
            ScanScore = slices.Average(s => s.Score),
            Threshold = 0.3,
            Region = ImageRegion.FromHeatmap(heat, 64, 64, top.Image.Columns, top.Image.Rows),
            Algorithm = TriageFixtures.Algorithm(),
            Device = TriageFixtures.Device,
            CompletedAt = Completed,
        };
        return (files, result);
    }

    private static float[] HotSpot(int size, int column, int row, int radius)
    {
        var heat = new float[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var d = Math.Sqrt(Math.Pow(x - column, 2) + Math.Pow(y - row, 2));
                heat[(y * size) + x] = (float)Math.Max(0, 1 - (d / radius));
            }
        }

        return heat;
    }

    [Fact]
    public void SrOverTheRealSeriesPassesDciodvfyAndReferencesExactlyItsInstances()
    {
        var (files, result) = Triage();
        using var folder = new TempDirectory("isl-reports");

        var sr = new TriageSrBuilder().Build(result, files[0].Dataset);
        var path = PeerTools.Save(sr, folder, "ge-sr.dcm");

        Dciodvfy.AssertClean(path);
        var reread = DicomFile.Open(path).Dataset;
        var inputs = files.Select(f => f.Dataset.GetString(DicomTags.SOPInstanceUID)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(inputs, SrTree.ReferencedInstances(reread).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(files[0].Dataset.GetString(DicomTags.PatientID), reread.GetString(DicomTags.PatientID));
        var tree = PeerTools.Dsrdump(path);
        Assert.Contains("SCOORD:(111030,DCM,\"Image Region\")=(POLYLINE", tree, StringComparison.Ordinal);
        Assert.Contains(result.HighestScoringSlice!.Image.SopInstanceUid, tree, StringComparison.Ordinal);
    }

    [Fact]
    public void HeatmapsOverTheRealSeriesPassDciodvfyAndPointAtTheirSlices()
    {
        var (files, result) = Triage();
        using var folder = new TempDirectory("isl-reports");
        var chosen = files.Skip(files.Count - 3).ToList();
        var slices = chosen.Select(f => new HeatmapSlice(SourceImage.FromDataset(f.Dataset), HounsfieldUnits.FromDataset(f.Dataset), HotSpot(64, 40, 20, 6), 64, 64)).ToList();

        var images = new HeatmapSecondaryCaptureBuilder().Build(result, slices, files[0].Dataset);

        Dciodvfy.AssertClean(PeerTools.Save(images[0], folder, "ge-summary.dcm"));
        images = images.Skip(1).ToList();
        for (var i = 0; i < images.Count; i++)
        {
            var path = PeerTools.Save(images[i], folder, $"ge-sc{i + 1}.dcm");
            Dciodvfy.AssertClean(path);
            var source = DicomFile.Open(path).Dataset.GetSequence(DicomTags.SourceImageSequence).Single();
            Assert.Equal(chosen[i].Dataset.GetString(DicomTags.SOPInstanceUID), source.GetString(DicomTags.ReferencedSOPInstanceUID));
        }

        var montage = folder.Combine("ge-montage.png");
        HeatmapMontage.WritePng(montage, images);
        Assert.True(new FileInfo(montage).Length > 10_000);
        if (Environment.GetEnvironmentVariable("ISL_KEEP_REPORTS") is { Length: > 0 } keep)
        {
            File.Copy(montage, Path.Combine(keep, "ge-montage.png"), overwrite: true);
        }
    }
}
