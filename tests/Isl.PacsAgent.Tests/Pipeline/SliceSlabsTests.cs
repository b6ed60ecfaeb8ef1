using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Selection;
using Isl.PacsAgent.Tests.TestSupport;

namespace Isl.PacsAgent.Tests.Pipeline;

public sealed class SliceSlabsTests
{
    [Fact]
    public void TheRealThinSeriesMakesAboutThirtyConsecutiveFiveMillimetreSlabsOfAllItsSlices()
    {
        var selected = new SeriesSelector(new SeriesSelectionOptions { AllowContrast = true })
            .Select("cq500", RealSeries.Headers(RealSeries.ThinContrastFiles())).Selected!;

        var slabs = SliceSlabs.Group(selected.Slices, selected.SliceThicknessMm, 5);

        // 238 slices 0.618 mm apart along the normal of the 8.5° tilted planes (one gap of two) span 147.7 mm: 30 slabs.
        Assert.Equal(30, slabs.Count);
        Assert.Equal(Enumerable.Range(0, 238), slabs.SelectMany(s => s));
        Assert.All(slabs, s => Assert.InRange(s.Count, 6, 9)); // the one gap falls into the last slab
    }

    [Fact]
    public void SlabsShareTheExtentEvenlyInsteadOfLeavingAShortLastOne()
    {
        var study = new CtStudyBuilder();
        var headers = study.Series(slices: 17, thickness: 1).Select(d => Isl.PacsAgent.Ingest.DicomInstanceHeaderReader.FromDataset(d, "")).ToList();

        var slabs = SliceSlabs.Group(headers, 1, 5);

        Assert.Equal([6, 6, 5], slabs.Select(s => s.Count));
    }

    [Fact]
    public void WithoutPositionsSlabsAreCountedFromTheThickness()
    {
        var study = new CtStudyBuilder();
        var headers = study.Series(slices: 20, thickness: 1.25).Select(d => Isl.PacsAgent.Ingest.DicomInstanceHeaderReader.FromDataset(d, "") with { ImagePositionPatient = null }).ToList();

        var slabs = SliceSlabs.Group(headers, 1.25, 5);

        Assert.Equal([4, 4, 4, 4, 4], slabs.Select(s => s.Count));
    }
}
