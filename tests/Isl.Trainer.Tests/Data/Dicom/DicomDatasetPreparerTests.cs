using Isl.Testing;
using Isl.Trainer.Data;
using Isl.Trainer.Data.Dicom;

namespace Isl.Trainer.Tests.Data.Dicom;

public sealed class DicomDatasetPreparerTests
{
    [Fact]
    public void PreparesTheRealTiltedSeriesAndListsWhatItSkipped()
    {
        using var source = new TempDirectory();
        using var cache = new TempDirectory();
        var study = Directory.CreateDirectory(source.Combine("study1")).FullName;
        foreach (var file in SharedData.GeHeadCtFiles().Take(6))
        {
            File.Copy(file, Path.Combine(study, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(SharedData.PydicomTestFiles, "MR_small.dcm"), Path.Combine(study, "mr.dcm"));
        File.WriteAllText(Path.Combine(study, "notes.txt"), "not dicom");
        Directory.CreateDirectory(source.Combine("empty-study"));
        File.WriteAllText(source.Combine("labels.csv"), "path,hemorrhage\nstudy1,0\nempty-study,1\n");

        var manifest = DicomDatasetPreparer.Prepare(source.Path, cache.Path, new PreparationOptions { Size = 32, MinimumSlices = 4 });

        Assert.Equal(6, manifest.Slices.Count);
        Assert.Equal(3, manifest.Channels);
        Assert.False(manifest.SliceLevelLabels);
        Assert.All(manifest.Slices, s => Assert.Equal("study1", s.Scan));
        Assert.Equal(Enumerable.Range(0, manifest.Slices.Count), manifest.Slices.Select(s => s.SliceIndex));
        var reasons = manifest.Rejected.Select(r => $"{Path.GetFileName(r.Path)}: {r.Reason}").ToArray();
        Assert.Contains(reasons, r => r.StartsWith("mr.dcm: modality MR", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("notes.txt: not a readable DICOM", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("empty-study: only 0 usable", StringComparison.Ordinal));
        var pixels = SliceCache.Open(cache.Path).ReadSlice(manifest.Slices.Count / 2);
        Assert.All(pixels, v => Assert.InRange(v, 0f, 1f));
        Assert.True(pixels.Average() > 0.05, "a mid-head slice should have tissue in the windows");
    }
}
