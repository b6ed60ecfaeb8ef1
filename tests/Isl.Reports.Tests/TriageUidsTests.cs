using Isl.Dicom;

namespace Isl.Reports.Tests;

public class TriageUidsTests
{
    [Fact]
    public void UidsAreStableForTheSameInputs()
    {
        var a = new TriageUids(TriageFixtures.Abnormal());
        var b = new TriageUids(TriageFixtures.Abnormal() with { CompletedAt = DateTimeOffset.UnixEpoch, ScanScore = 0.1 });

        Assert.Equal(a.SrSopInstanceUid, b.SrSopInstanceUid);
        Assert.Equal(a.HeatmapSeriesInstanceUid, b.HeatmapSeriesInstanceUid);
        Assert.Equal(a.HeatmapSopInstanceUid("1.2.3"), b.HeatmapSopInstanceUid("1.2.3"));
    }

    [Fact]
    public void ModelVersionAndInputsChangeEveryUid()
    {
        var baseline = new TriageUids(TriageFixtures.Abnormal());
        var newModel = new TriageUids(TriageFixtures.Abnormal("9.9"));
        var lateSeries = new TriageUids(TriageFixtures.Abnormal() with { ConsideredImages = [TriageFixtures.Slice(99)] });

        foreach (var other in new[] { newModel, lateSeries })
        {
            Assert.NotEqual(baseline.SrSopInstanceUid, other.SrSopInstanceUid);
            Assert.NotEqual(baseline.SrSeriesInstanceUid, other.SrSeriesInstanceUid);
            Assert.NotEqual(baseline.HeatmapSeriesInstanceUid, other.HeatmapSeriesInstanceUid);
            Assert.NotEqual(baseline.HeatmapSopInstanceUid("1.2.3"), other.HeatmapSopInstanceUid("1.2.3"));
        }
    }

    [Fact]
    public void EveryRoleHasItsOwnValidUid()
    {
        var uids = new TriageUids(TriageFixtures.Abnormal());
        string[] all = [uids.SrSeriesInstanceUid, uids.SrSopInstanceUid, uids.TrackingUid, uids.HeatmapSeriesInstanceUid, uids.HeatmapSopInstanceUid("1.2.3"), uids.HeatmapSopInstanceUid("1.2.4")];

        Assert.Equal(all.Length, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, uid => Assert.True(DicomUid.IsValid(uid), uid));
    }

    [Fact]
    public void TheInputHashDoesNotDependOnOrder()
    {
        var slices = TriageFixtures.ScoredSlices().Select(s => s.Image).ToList();

        Assert.Equal(TriageUids.HashOf(slices), TriageUids.HashOf(Enumerable.Reverse(slices)));
        Assert.Equal("abc", new TriageUids(TriageFixtures.Abnormal() with { InputHash = "abc" }).InputHash);
    }
}
