using Isl.Testing;

namespace Isl.Reports.Tests;

[Trait("Category", "Integration")]
public class PeerValidationTests
{
    [Fact]
    public void AbnormalSrPassesDciodvfyAndDsrdumpShowsTheCodes()
    {
        using var folder = new TempDirectory("isl-reports");
        var path = PeerTools.Save(new TriageSrBuilder().Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource()), folder, "sr.dcm");

        Dciodvfy.AssertClean(path);
        var tree = PeerTools.Dsrdump(path);

        foreach (var expected in new[] { "126000", "111028", "126010", "125007", "121071", "263654008", "12738006", "112040", "111030", "ISL001", "99ISL", "\"0.734\"", "\"0.512\"", "POLYLINE" })
        {
            Assert.True(tree.Contains(expected, StringComparison.Ordinal), $"dsrdump output lacks {expected}:\n{tree}");
        }
    }

    [Fact]
    public void NormalAndNotAnalysedSrsPassDciodvfy()
    {
        using var folder = new TempDirectory("isl-reports");
        var builder = new TriageSrBuilder();
        var normal = PeerTools.Save(builder.Build(TriageFixtures.NormalWithoutRegion(), TriageFixtures.StudySource()), folder, "normal.dcm");
        var notAnalysed = PeerTools.Save(builder.Build(TriageFixtures.NotAnalysed(), TriageFixtures.StudySource()), folder, "not-analysed.dcm");

        Dciodvfy.AssertClean(normal);
        Dciodvfy.AssertClean(notAnalysed);
        Assert.Contains("17621005", PeerTools.Dsrdump(normal), StringComparison.Ordinal);
        var tree = PeerTools.Dsrdump(notAnalysed);
        Assert.Contains("ISL011", tree, StringComparison.Ordinal);
        Assert.Contains("localizer", tree, StringComparison.Ordinal);
    }

    [Fact]
    public void HeatmapImagesPassDciodvfy()
    {
        using var folder = new TempDirectory("isl-reports");
        var images = new HeatmapSecondaryCaptureBuilder().Build(TriageFixtures.Abnormal(), TriageFixtures.HeatmapSlices(), TriageFixtures.StudySource());

        foreach (var (image, i) in images.Select((image, i) => (image, i)))
        {
            Dciodvfy.AssertClean(PeerTools.Save(image, folder, $"sc{i}.dcm"));
        }
    }

    [Fact]
    public void DcmtkDecodesTheHeatmapPixelsExactlyAsBuilt()
    {
        using var folder = new TempDirectory("isl-reports");
        var image = new HeatmapSecondaryCaptureBuilder().Build(TriageFixtures.Abnormal(), TriageFixtures.HeatmapSlices(), TriageFixtures.StudySource())[2];
        var path = PeerTools.Save(image, folder, "sc-hot.dcm");

        var decoded = PeerTools.DecodeWithDcmtk(path);

        Assert.Equal(image.GetBytes(Isl.Dicom.DicomTags.PixelData).ToArray(), decoded);
    }

    [Fact]
    public void PixelmedFindsNoErrorInTheSrIodOrItsTemplates()
    {
        using var folder = new TempDirectory("isl-reports");
        var path = PeerTools.Save(new TriageSrBuilder().Build(TriageFixtures.Abnormal(), TriageFixtures.StudySource()), folder, "sr.dcm");

        var output = PeerTools.PixelmedSrValidator(path);

        Assert.Contains("IOD validation complete", output, StringComparison.Ordinal);
        var errors = output.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"pixelmed DicomSRValidator:\n{output}");
    }
}
