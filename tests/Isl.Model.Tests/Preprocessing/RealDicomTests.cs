using Isl.Model.Preprocessing;
using Isl.Model.Scoring;
using Isl.Testing;

namespace Isl.Model.Tests.Preprocessing;

public sealed class RealDicomTests
{
    [Fact]
    public void The_tilted_ge_series_is_ordered_along_its_normal_and_prepared_with_a_head_mask()
    {
        var slices = DicomSlices.FromFiles(SharedData.GeHeadCtFiles());
        Assert.Equal(28, slices.Count);
        Assert.All(slices, s => Assert.NotNull(s.Geometry));
        var ordered = SliceOrdering.Order(slices, s => s.Geometry!);
        var normal = ordered[0].Geometry!.Normal();
        var positions = ordered.Select(s => s.Geometry!.Along(normal)).ToList();
        var gaps = positions.Zip(positions.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.True(g > 0.5, $"gap {g:F2} mm"));
        Assert.True(gaps.Max() - gaps.Min() > 3, "the series has uneven spacing (1.08–6.99 mm)");
        Assert.True(Math.Abs(normal[2]) < 0.99, "gantry tilt: the normal is not the z axis");

        var pre = new SlicePreprocessor(PreprocessingSettings.ForHu(64));
        var middle = ordered[ordered.Count / 2];
        var prepared = pre.FromHu(middle.Hu, middle.Rows, middle.Columns);
        var area = prepared.Mask.Sum() / (64f * 64f);
        Assert.InRange(area, 0.2f, 0.9f);
        Assert.InRange(prepared.Pixels.Take(64 * 64).Where((_, i) => prepared.Mask[i] > 0).Average(), 0.1f, 0.9f);
    }
}
