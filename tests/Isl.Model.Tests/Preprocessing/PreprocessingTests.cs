using Isl.Model.Preprocessing;
using Isl.Testing;

namespace Isl.Model.Tests.Preprocessing;

public sealed class PreprocessingTests
{
    [Fact]
    public void Head_mask_keeps_the_largest_component_and_fills_its_holes()
    {
        // 20×20: a ring (rows/cols 4..15, 2 px thick) with a dark inside, plus a small blob at (0..1, 18..19).
        var v = new float[400];
        Array.Fill(v, -1000f);
        for (var r = 4; r < 16; r++)
        {
            for (var c = 4; c < 16; c++)
            {
                var ring = r < 6 || r > 13 || c < 6 || c > 13;
                v[(r * 20) + c] = ring ? 100 : -1000;
            }
        }

        v[18] = v[19] = v[38] = v[39] = 100;
        var mask = HeadMask.Compute(v, 20, 20, -300);
        Assert.Equal(144f, mask.Sum());
        Assert.Equal(1f, mask[(10 * 20) + 10]);
        Assert.Equal(0f, mask[19]);
    }

    [Fact]
    public void Slices_are_ordered_along_the_normal_of_a_tilted_stack()
    {
        // Gantry tilt: the column direction is tilted, so the normal is not the z axis; positions move along it unevenly.
        var tilt = 18.5 * Math.PI / 180;
        double[] iop = [1, 0, 0, 0, Math.Cos(tilt), -Math.Sin(tilt)];
        var normal = new SliceGeometry(iop, [0, 0, 0]).Normal();
        double[] steps = [0, 6.99, 1.08, 4, 12];
        var slices = steps.Select((d, i) => (Index: i, Geometry: new SliceGeometry(iop, [-100, -100 + (d * normal[1]), d * normal[2]])))
            .Reverse().ToList();
        var ordered = SliceOrdering.Order(slices, s => s.Geometry);
        Assert.Equal(new[] { 0, 2, 3, 1, 4 }, ordered.Select(s => s.Index));
        var other = new SliceGeometry([0, 1, 0, 0, 0, -1], [0, 0, 0]);
        Assert.Throws<IslModelException>(() => SliceOrdering.Order([slices[0].Geometry, other], g => g));
    }

    [Fact]
    public void Hu_slices_become_windowed_channels_at_model_size()
    {
        var hu = new float[40 * 30];
        Array.Fill(hu, -1000f);
        for (var r = 5; r < 35; r++)
        {
            for (var c = 5; c < 25; c++)
            {
                hu[(r * 30) + c] = 40; // brain window centre
            }
        }

        var pre = new SlicePreprocessor(PreprocessingSettings.ForHu(32));
        var slice = pre.FromHu(hu, 40, 30);
        Assert.Equal(3, slice.Channels);
        Assert.Equal(3 * 32 * 32, slice.Pixels.Length);
        Assert.Equal(0.5f, slice.Pixels[(16 * 32) + 16], 2);
        Assert.Equal(0f, slice.Pixels[0]);
        Assert.Equal(1f, slice.Mask[(16 * 32) + 16]);
        Assert.Equal(0f, slice.Mask[0]);
        Assert.Throws<IslModelException>(() => pre.FromGray(new GrayImage(new float[4], 2, 2)));
        Assert.Throws<IslModelException>(() => pre.FromHu(new float[5], 2, 2));
    }

    [Fact]
    public void Real_png_slices_load_as_gray_with_a_head_mask()
    {
        var path = Path.Combine(SharedData.KaggleHeadCt, "normal", "100.png");
        var image = PngSliceLoader.Load(path);
        Assert.True(image.Rows > 100 && image.Columns > 100);
        var slice = new SlicePreprocessor(PreprocessingSettings.ForGray(64)).FromGray(image);
        var area = slice.Mask.Sum() / (64f * 64f);
        Assert.InRange(area, 0.2f, 0.95f);
        Assert.Throws<IslModelException>(() => PngSliceLoader.Load(Path.Combine(SharedData.KaggleHeadCt, "labels.csv")));
        Assert.Throws<IslModelException>(() => PngSliceLoader.Load("/nonexistent.png"));
    }
}
