using Isl.Dicom;
using Isl.Dicom.Imaging;
using Isl.Phantoms;
using Isl.Testing;
using Xunit.Abstractions;

namespace Isl.Phantoms.Tests;

/// <summary>
/// The phantom and the real GE head CT (../shared/data/head-ct-ge-tilt) should look alike to a
/// histogram: mean HU of the voxels that fall in each tissue's HU range.
/// </summary>
public sealed class HounsfieldStatisticsTests(ITestOutputHelper output)
{
    private static readonly (string Name, int Min, int Max, double Tolerance)[] Classes =
    [
        ("brain", 20, 45, 3),
        ("csf", 0, 15, 3),
        ("bone", 700, 3000, 40),
    ];

    [Fact]
    public void Tissue_means_match_the_real_ge_series()
    {
        var real = new HuHistogram();
        foreach (var file in SharedData.GeHeadCtFiles())
        {
            real.Add(HounsfieldUnits.FromDataset(DicomFile.Open(file).Dataset).Select(v => (short)Math.Round(v)));
        }

        var phantom = new HuHistogram();
        foreach (var seed in new[] { 201 })
        {
            var study = StudyCache.Get(PhantomSpec.Normal(seed) with { SliceSpacingMm = 5, GantryTiltDeg = 0 });
            for (var s = 0; s < study.SliceCount; s++)
            {
                phantom.Add(study.HounsfieldSlice(s).ToArray());
            }
        }

        foreach (var (name, min, max, tolerance) in Classes)
        {
            var realMean = real.Mean(min, max);
            var phantomMean = phantom.Mean(min, max);
            output.WriteLine($"{name} [{min},{max}) HU: GE {realMean:F1}, phantom {phantomMean:F1}");
            Assert.True(Math.Abs(realMean - phantomMean) <= tolerance, $"{name}: GE {realMean:F1} HU vs phantom {phantomMean:F1} HU (tolerance {tolerance})");
        }
    }

    private sealed class HuHistogram
    {
        private const int Offset = 4096;
        private readonly long[] _counts = new long[8192];

        public void Add(IEnumerable<short> values)
        {
            foreach (var v in values)
            {
                _counts[Math.Clamp(v + Offset, 0, _counts.Length - 1)]++;
            }
        }

        public double Mean(int min, int max)
        {
            double sum = 0;
            long count = 0;
            for (var hu = min; hu < max; hu++)
            {
                sum += (double)hu * _counts[hu + Offset];
                count += _counts[hu + Offset];
            }

            return count == 0 ? double.NaN : sum / count;
        }
    }
}
