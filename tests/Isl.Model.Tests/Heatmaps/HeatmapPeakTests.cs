using Isl.Model.Heatmaps;

namespace Isl.Model.Tests.Heatmaps;

public sealed class HeatmapPeakTests
{
    [Fact]
    public void Of_finds_the_first_maximum_row_major()
    {
        float[] map = [0, 1, 5, 2, 5, 0, 0, 0, 1];

        var peak = HeatmapPeak.Of(map, 3);

        Assert.Equal(new HeatmapPeak(5, 0, 2, 3), peak);
    }

    [Fact]
    public void The_strength_peak_lies_inside_the_area_even_where_nothing_is_coloured()
    {
        // Nothing coloured (display map all 0); the strongest evidence outside the area (index 0) does not count.
        float[] map = new float[9];
        float[] strength = [9, 1, 2, 0, 4, 3, 0, 0, 0];
        float[] area = [0, 1, 1, 1, 1, 1, 0, 0, 0];

        var peak = HeatmapPeak.OfInside(map, HeatmapPeak.InsideArea(strength, area), 3);

        Assert.Equal(new HeatmapPeak(0, 1, 1, 3) { Strength = 4 }, peak);
        Assert.Equal(4f, peak.Strength);
        Assert.Equal(new HeatmapPeak(0, 0, 0, 3), HeatmapPeak.OfInside(map, HeatmapPeak.InsideArea(strength, new float[9]), 3));
        Assert.Throws<IslModelException>(() => HeatmapPeak.InsideArea(strength, new float[8]));
    }

    [Fact]
    public void Of_rejects_a_map_that_is_not_square_of_the_size()
    {
        Assert.Throws<IslModelException>(() => HeatmapPeak.Of(new float[10], 3));
    }

    [Fact]
    public void Hits_maps_the_peak_back_through_the_square_resize()
    {
        // An 8×8 mask with a lesion in rows 4–5, columns 6–7; a 4×4 heatmap pixel covers 2×2 mask pixels.
        var mask = new byte[64];
        mask[(4 * 8) + 6] = 1;
        mask[(5 * 8) + 7] = 1;

        Assert.True(new HeatmapPeak(1, 2, 3, 4).Hits(mask, 8, 8));
        Assert.False(new HeatmapPeak(1, 2, 2, 4).Hits(mask, 8, 8));
        Assert.False(new HeatmapPeak(1, 0, 0, 4).Hits(mask, 8, 8));
    }

    [Fact]
    public void Hits_accounts_for_the_padding_of_a_wide_slice()
    {
        // 4 rows × 8 columns are padded to 8×8 with 2 empty rows on top; heatmap 8×8 maps one to one.
        var mask = new byte[32];
        mask[(1 * 8) + 3] = 2;

        Assert.True(new HeatmapPeak(1, 3, 3, 8).Hits(mask, 4, 8));
        Assert.False(new HeatmapPeak(1, 1, 3, 8).Hits(mask, 4, 8));
    }
}
