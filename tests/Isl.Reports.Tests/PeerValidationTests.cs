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

        foreach (var expected in new[] { "126000", "111028", "126010", "125007", "121071", "263654008", "12738006", "112040", "111030", "ISL006", "{score}", "99ISL", "\"0.734\"", "\"0.512\"", "POLYLINE" })
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
        var image = new HeatmapSecondaryCaptureBuilder().Build(TriageFixtures.Abnormal(), TriageFixtures.HeatmapSlices(), TriageFixtures.StudySource())[3];
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

    [Fact]
    public void ASlabbedResultWithSlicesNotScoredAndNotesPassesDciodvfyAndPixelmedAndReferencesEverySource()
    {
        using var folder = new TempDirectory("isl-reports");
        var result = SlabbedWithNotScored();
        var path = PeerTools.Save(new TriageSrBuilder().Build(result, TriageFixtures.StudySource()), folder, "slabs.dcm");

        Dciodvfy.AssertClean(path);
        var pixelmed = PeerTools.PixelmedSrValidator(path);
        Assert.Contains("IOD validation complete", pixelmed, StringComparison.Ordinal);
        Assert.True(!pixelmed.Split('\n').Any(l => l.StartsWith("Error", StringComparison.Ordinal)), $"pixelmed DicomSRValidator:\n{pixelmed}");
        var tree = PeerTools.Dsrdump(path);
        foreach (var expected in new[] { "ISL004", "ISL005", "ISL013", "1 of 4 slabs not scored", TriageFixtures.Slice(9).SopInstanceUid })
        {
            Assert.True(tree.Contains(expected, StringComparison.Ordinal), $"dsrdump output lacks {expected}:\n{tree}");
        }

        var evidence = Isl.Dicom.DicomFile.Open(path).Dataset.GetSequence(Isl.Dicom.DicomTags.CurrentRequestedProcedureEvidenceSequence)
            .SelectMany(s => s.GetSequence(Isl.Dicom.DicomTags.ReferencedSeriesSequence)).SelectMany(s => s.GetSequence(Isl.Dicom.DicomTags.ReferencedSOPSequence))
            .Select(r => r.GetString(Isl.Dicom.DicomTags.ReferencedSOPInstanceUID)).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => TriageFixtures.Slice(i).SopInstanceUid).Order(StringComparer.Ordinal), evidence.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ASlabHeatmapReferencesAllItsSourcesAndPassesDciodvfy()
    {
        using var folder = new TempDirectory("isl-reports");
        var result = SlabbedWithNotScored();
        var slab = TriageFixtures.HeatmapSlices()[1] with { Image = TriageFixtures.Slice(4), Sources = [.. Enumerable.Range(3, 3).Select(TriageFixtures.Slice)] };

        var image = new HeatmapSecondaryCaptureBuilder(new TriageReportOptions { HeatmapSummary = false }).Build(result, [slab], TriageFixtures.StudySource()).Single();

        Dciodvfy.AssertClean(PeerTools.Save(image, folder, "slab-sc.dcm"));
        Assert.Equal(
            Enumerable.Range(3, 3).Select(i => TriageFixtures.Slice(i).SopInstanceUid),
            image.GetSequence(Isl.Dicom.DicomTags.SourceImageSequence).Select(r => r.GetString(Isl.Dicom.DicomTags.ReferencedSOPInstanceUID)));
    }

    /// <summary>Four slabs of three slices each (12 source slices): three scored, the last not scored.</summary>
    private static TriageResult SlabbedWithNotScored()
    {
        IReadOnlyList<SourceImage> Slab(int index) => [.. Enumerable.Range(index * 3, 3).Select(TriageFixtures.Slice)];
        return TriageFixtures.Abnormal() with
        {
            Slices = [.. Enumerable.Range(0, 3).Select(i => new ScoredSlice(TriageFixtures.Slice((i * 3) + 1), 0.5 + (i * 0.1)) { Sources = Slab(i) })],
            NotScoredSlices = [TriageFixtures.Slice(10)],
            ConsideredImages = [TriageFixtures.Slice(9), TriageFixtures.Slice(11)],
            Notes = ["12 slices of 1.25 mm scored as 4 slabs of 5 mm", "1 of 4 slabs not scored (too little intracranial area)"],
        };
    }
}
