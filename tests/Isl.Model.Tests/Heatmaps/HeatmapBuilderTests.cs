using Isl.Model.Drn;
using Isl.Model.Heatmaps;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Heatmaps;

public sealed class HeatmapBuilderTests
{
    [Fact]
    public void Threshold_and_enhancement_give_the_known_apds()
    {
        // 4×4 slice, mask = whole image; x_dif = 0.5 on 4 pixels, 0.05 (below t) elsewhere.
        var d = new float[16];
        Array.Fill(d, 0.05f);
        d[0] = d[1] = d[4] = d[5] = 0.5f;
        using var difference = tensor(d, [1, 1, 4, 4]);
        using var mask = ones(1, 1, 4, 4);
        var result = new HeatmapBuilder(new HeatmapSettings { Threshold = 0.1, Smoothing = 1, Enhancement = 2 }).Build(difference, mask);
        var h = (Math.Exp(1) - 1) / (Math.Exp(2) - 1);
        Assert.Equal(h * 4 / 16, result.Apds[0], 5);
        Assert.Equal(0f, result.Maps[0, 0, 3, 3].item<float>());
        Assert.Equal(h, result.Maps[0, 0, 0, 0].item<float>(), 5);
    }

    [Fact]
    public void Box_smoothing_spreads_a_spike_and_apds_ignores_the_outside_of_the_head()
    {
        using var difference = zeros(1, 1, 9, 9);
        difference[0, 0, 4, 4] = tensor(0.9f);
        using var mask = zeros(1, 1, 9, 9);
        mask[.., .., 2..7, 2..7] = ones(1, 1, 5, 5);
        var result = new HeatmapBuilder(new HeatmapSettings { Threshold = 0.1, Smoothing = 3, Enhancement = 1 }).Build(difference, mask);
        var h = (Math.Exp(0.1) - 1) / (Math.E - 1);
        Assert.Equal(h, result.Maps[0, 0, 3, 3].item<float>(), 5);
        Assert.Equal(0f, result.Maps[0, 0, 2, 2].item<float>());
        Assert.Equal(9 * h / 25, result.Apds[0], 5);
        Assert.Throws<IslModelException>(() => new HeatmapBuilder(new HeatmapSettings { Smoothing = 4 }));
    }

    [Fact]
    public void Colour_shows_exactly_where_the_strength_exceeds_the_settings_colour_level_in_both_modes()
    {
        // A 6×6 residual with values spread on both sides of each mode's level; the outer ring is outside the area.
        var values = Enumerable.Range(0, 36).Select(i => (float)((((i * 7) % 36) - 12) / 40.0)).ToArray();
        using var residual = tensor(values, [1, 1, 6, 6]);
        using var area = zeros(1, 1, 6, 6);
        area[.., .., 1..5, 1..5] = ones(1, 1, 4, 4);
        var statistics = new NormalResidual(Enumerable.Repeat(0.05f, 36).ToArray(), Enumerable.Repeat(0.02f, 36).ToArray(), 6, 10);
        foreach (var settings in new[]
        {
            new HeatmapSettings { Threshold = 0.1, Smoothing = 1, Enhancement = 2 },
            new HeatmapSettings { Mode = HeatmapSettings.CalibratedMode, Smoothing = 1, ZLow = 4, ZHigh = 9 },
        })
        {
            var result = new HeatmapBuilder(settings, statistics).Build(residual, area);
            var map = result.Maps.data<float>().ToArray();
            var strength = result.Strength.data<float>().ToArray();
            var inside = area.data<float>().ToArray();
            var coloured = Enumerable.Range(0, 36).Where(i => inside[i] > 0).Select(i => (Strength: strength[i] > settings.ColourLevel, Map: map[i] > 0)).ToArray();
            Assert.All(coloured, c => Assert.Equal(c.Strength, c.Map));
            Assert.Contains(coloured, c => c.Map);
            Assert.Contains(coloured, c => !c.Map);
        }

        Assert.Equal(4, new HeatmapSettings { Mode = HeatmapSettings.CalibratedMode, ZLow = 4 }.ColourLevel);
        Assert.Equal(0, new HeatmapSettings { ZLow = 4 }.ColourLevel);
    }

    [Fact]
    public void Brighter_polarity_keeps_only_the_denser_than_reconstructed_residual_and_absolute_keeps_both()
    {
        // Residual x − x_dd: +0.6 at (0, 0) (denser than the reconstruction, like a clot), −0.6 at (3, 3) (darker).
        using var residual = zeros(1, 1, 4, 4);
        residual[0, 0, 0, 0] = tensor(0.6f);
        residual[0, 0, 3, 3] = tensor(-0.6f);
        using var mask = ones(1, 1, 4, 4);
        var paper = new HeatmapSettings { Threshold = 0.1, Smoothing = 1, Enhancement = 1 };
        var absolute = new HeatmapBuilder(paper).Build(residual, mask);
        var brighter = new HeatmapBuilder(paper with { Polarity = HeatmapSettings.BrighterPolarity }).Build(residual, mask);
        var h = (Math.Exp(0.6) - 1) / (Math.E - 1);
        Assert.Equal(h, absolute.Maps[0, 0, 3, 3].item<float>(), 5);
        Assert.Equal(h, absolute.Maps[0, 0, 0, 0].item<float>(), 5);
        Assert.Equal(0f, brighter.Maps[0, 0, 3, 3].item<float>());
        Assert.Equal(h, brighter.Maps[0, 0, 0, 0].item<float>(), 5);
        Assert.Equal(absolute.Apds[0] / 2, brighter.Apds[0], 5);
        Assert.Throws<IslModelException>(() => new HeatmapBuilder(paper with { Polarity = "darker" }));
    }

    [Fact]
    public void Scan_pooling_is_the_mean_the_top_k_mean_or_the_max()
    {
        double[] scores = [1, 5, 3, 9];
        Assert.Equal(4.5, new ScanPooling().Pool(scores));
        Assert.Equal(7, new ScanPooling { Mode = "topk", K = 2 }.Pool(scores));
        Assert.Equal(9, new ScanPooling { Mode = "max" }.Pool(scores));
        Assert.Equal(7, ScanPooling.Parse("topk", 2).Pool(scores));
        Assert.Throws<IslModelException>(() => new ScanPooling { Mode = "median" }.Pool(scores));
        Assert.Throws<IslModelException>(() => new ScanPooling().Pool([]));
    }
}
