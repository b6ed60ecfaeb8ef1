using Isl.Dicom;
using Isl.Testing;

namespace Isl.Reports.Tests;

public class TriageOutputFilesTests
{
    [Fact]
    public void WritesTheSrThenOneFilePerHeatmapThatReadBack()
    {
        using var folder = new TempDirectory("isl-reports");
        var result = TriageFixtures.Abnormal();

        var paths = TriageOutputFiles.Write(folder.Combine("out"), result, TriageFixtures.StudySource(), TriageFixtures.HeatmapSlices());

        Assert.Equal(1 + 1 + TriageFixtures.SliceCount, paths.Count); // the SR, the heatmap series' summary image, one heatmap per slice
        var uids = new TriageUids(result);
        Assert.Equal(uids.SrSopInstanceUid, DicomFile.Open(paths[0]).Dataset.GetString(DicomTags.SOPInstanceUID));
        Assert.All(paths.Skip(1), p => Assert.Equal(uids.HeatmapSeriesInstanceUid, DicomFile.Open(p).Dataset.GetString(DicomTags.SeriesInstanceUID)));
        Assert.StartsWith("sc-001-", Path.GetFileName(paths[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void NotAnalysedWritesOnlyTheSrAndBadInputWritesNothing()
    {
        using var folder = new TempDirectory("isl-reports");

        Assert.Single(TriageOutputFiles.Write(folder.Combine("na"), TriageFixtures.NotAnalysed(), TriageFixtures.StudySource()));
        Assert.Throws<TriageReportException>(() => TriageOutputFiles.Write(folder.Combine("bad"), TriageFixtures.Abnormal() with { Threshold = null }, TriageFixtures.StudySource()));
        Assert.False(Directory.Exists(folder.Combine("bad")));
    }
}
