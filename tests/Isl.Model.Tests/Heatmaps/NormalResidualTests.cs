using Isl.Model.Heatmaps;
using Isl.Model.Preprocessing;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Heatmaps;

public sealed class NormalResidualTests
{
    // Six 2×2 normal maps: position 0 always 0.1, position 3 alternating 0 / 0.4, all inside their masks.
    private static (List<float[]> Maps, List<float[]> Masks) Normals()
    {
        var maps = Enumerable.Range(0, 6).Select(k => new[] { 0.1f, 0.2f, 0.2f, k % 2 == 0 ? 0f : 0.4f }).ToList();
        var masks = maps.Select(_ => new[] { 1f, 1f, 1f, 1f }).ToList();
        return (maps, masks);
    }

    [Fact]
    public void Per_position_statistics_follow_each_position_and_the_area_reference_shares_one_mean_and_spread()
    {
        var (maps, masks) = Normals();
        var perPosition = NormalResidual.Fit(maps, masks, 2);
        var area = NormalResidual.Fit(maps, masks, 2, perPosition: false);

        Assert.Equal(0.1f, perPosition.Mean[0], 5);
        Assert.Equal(0.2f, perPosition.Mean[3], 5);
        Assert.Equal(0.2f, perPosition.Spread[3], 5);
        Assert.True(perPosition.Spread[0] > 0, "a position that never varies still gets the floored spread");

        // Area-wide: mean of all 24 values = (6·0.1 + 12·0.2 + 3·0.4) / 24 = 0.175.
        Assert.All(area.Mean, m => Assert.Equal(0.175f, m, 5));
        Assert.Single(area.Spread.Distinct());
        var expected = Math.Sqrt(maps.SelectMany(m => m).Average(v => (v - 0.175) * (v - 0.175)));
        Assert.Equal(expected, area.Spread[0], 5);
    }

    [Fact]
    public void The_false_colour_level_is_the_quantile_of_the_slices_largest_z()
    {
        // Twenty slices of one pixel whose z (mean 0, spread 1) runs 1 … 20: 5 % may be coloured → level 19.
        var statistics = new NormalResidual([0f], [1f], 1, 20);
        var maps = Enumerable.Range(1, 20).Select(v => new[] { (float)v }).ToList();
        var masks = maps.Select(_ => new[] { 1f }).ToList();

        Assert.Equal(19, statistics.SliceFalseColourLevel(maps, masks, 0.05), 5);
        Assert.Equal(10, statistics.SliceFalseColourLevel(maps, masks, 0.5), 5);
        Assert.Throws<IslModelException>(() => statistics.SliceFalseColourLevel(maps, masks, 0));
    }

    [Fact]
    public void Over_HU_windows_bone_is_found_in_the_bone_window_so_a_clot_that_saturates_the_brain_window_keeps_its_colour()
    {
        var hu = PreprocessingSettings.ForHu(4);
        var (channel, level) = hu.Bone;
        Assert.Equal(2, channel); // 600/2800, not the brain window
        var windows = hu.Windows;
        float[] Pixel(float value) => windows.Select(w => w.Apply(value)).ToArray();
        Assert.Equal(1f, Pixel(85)[0]); // an 85 HU clot saturates the brain window like bone does
        Assert.True(Pixel(85)[channel] < level && Pixel(400)[channel] >= level);
        var gray = PreprocessingSettings.ForGray(4) with { SourceWindow = new HuWindow(40, 120) };
        Assert.Equal((0, IntracranialMask.BoneLevel(gray.SourceWindow)), gray.Bone); // a gray bundle's one channel, as before

        var builder = new HeatmapBuilder(new HeatmapSettings { ExcludeBone = true, Smoothing = 1 }, preprocessing: hu);
        using var images = zeros(1, 3, 1, 3);
        foreach (var (column, value) in new[] { (0, 40f), (1, 85f), (2, 400f) })
        {
            var pixel = Pixel(value);
            for (var c = 0; c < 3; c++)
            {
                images[0, c, 0, column] = tensor(pixel[c]);
            }
        }

        using var masks = ones(1, 1, 1, 3);
        using var area = builder.Area(images, masks);
        Assert.Equal(new[] { 1f, 1f, 0f }, area.data<float>().ToArray());
    }

    [Fact]
    public void A_head_area_heatmap_told_to_colour_only_the_intracranial_region_leaves_the_scalp_out()
    {
        // 48² HU slice: air, scalp (40 HU) from radius 20 to 22, skull (1000 HU) from 17 to 20, brain (35 HU) inside.
        const int size = 48;
        var hu = new float[size * size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                var d = Math.Sqrt(Math.Pow(r - 23.5, 2) + Math.Pow(c - 23.5, 2));
                hu[(r * size) + c] = d < 17 ? 35 : d < 20 ? 1000 : d < 22 ? 40 : -1000;
            }
        }

        var settings = PreprocessingSettings.ForHu(size);
        var windows = settings.Windows;
        using var images = zeros(1, windows.Count, size, size);
        for (var k = 0; k < windows.Count; k++)
        {
            images[0, k] = tensor(hu.Select(v => windows[k].Apply(v)).ToArray(), [size, size]);
        }

        using var head = tensor(hu.Select(v => v > -500 ? 1f : 0f).ToArray(), [1, 1, size, size]);
        var heat = new HeatmapSettings { ExcludeBone = true, Smoothing = 1 };
        var paper = new HeatmapBuilder(heat, preprocessing: settings);
        var brainOnly = new HeatmapBuilder(heat with { IntracranialOnly = true }, preprocessing: settings);

        using var everywhere = paper.Area(images, head);
        using var inside = brainOnly.Area(images, head);
        int At(Tensor area, int r, int c) => (int)area[0, 0, r, c].item<float>();
        Assert.Equal(1, At(everywhere, 23, 3)); // scalp (radius ~20.5) counts for the paper's head area
        Assert.Equal(0, At(inside, 23, 3));    // but not for the intracranial-only heatmap
        Assert.Equal(1, At(inside, 23, 23));   // the brain does
        Assert.Equal(0, At(inside, 23, 5));    // the skull never
        Assert.True(inside.sum().item<float>() > 0.8 * Math.PI * 16 * 16, "most of the brain disc is kept");
    }

    [Fact]
    public void A_calibrated_brighter_heatmap_colours_a_denser_spot_but_neither_a_darker_one_nor_bone()
    {
        // 4×4, statistics mean 0 spread 0.1 everywhere, colour from z 3 to 8, no smoothing.
        var statistics = new NormalResidual(new float[16], Enumerable.Repeat(0.1f, 16).ToArray(), 4, 10);
        var settings = new HeatmapSettings
        {
            Mode = HeatmapSettings.CalibratedMode, Polarity = HeatmapSettings.BrighterPolarity, ExcludeBone = true,
            Smoothing = 1, ZLow = 3, ZHigh = 8,
        };
        var builder = new HeatmapBuilder(settings, statistics);
        using var residual = zeros(1, 1, 4, 4);
        residual[0, 0, 0, 0] = tensor(0.6f);  // denser than the reconstruction: z 6
        residual[0, 0, 1, 1] = tensor(-0.6f); // darker
        residual[0, 0, 2, 2] = tensor(0.6f);  // as dense, but on bone
        using var images = full(1, 1, 4, 4, 0.5f);
        images[0, 0, 2, 2] = tensor(1f);
        using var masks = ones(1, 1, 4, 4);

        var area = builder.Area(images, masks);
        var result = builder.Build(residual, area);

        Assert.Equal(0.6f, result.Maps[0, 0, 0, 0].item<float>(), 4);
        Assert.Equal(0f, result.Maps[0, 0, 1, 1].item<float>());
        Assert.Equal(0f, result.Maps[0, 0, 2, 2].item<float>());
        Assert.Equal(0f, area[0, 0, 2, 2].item<float>());
        Assert.Equal(6f, result.Strength[0, 0, 0, 0].item<float>(), 4);
    }
}
