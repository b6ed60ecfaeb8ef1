using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Heatmaps;

/// <summary>Turns difference images into heatmaps and APDS values; the APDS sequence over a study is its per-slice curve.</summary>
public sealed class HeatmapBuilder
{
    private readonly HeatmapSettings settings;
    private readonly NormalResidual? normal;

    /// <summary>Creates the builder; calibrated mode needs the bundle's <paramref name="normal"/> residual statistics.</summary>
    public HeatmapBuilder(HeatmapSettings settings, NormalResidual? normal = null)
    {
        settings.Validate();
        if (settings.Mode == HeatmapSettings.CalibratedMode && normal is null)
        {
            throw new IslModelException("A calibrated heatmap needs the bundle's normal residual statistics (isl-trainer calibrate-heatmap).");
        }

        this.settings = settings;
        this.normal = normal;
    }

    /// <summary>The smoothed channel-mean difference [N, 1, S, S] inside the masks: what <see cref="NormalResidual"/> is fitted to.</summary>
    public Tensor Smoothed(Tensor difference, Tensor masks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var d = difference.mean([1L], keepdim: true) * masks;
        var s = settings.Smoothing;
        return (s == 1 ? d : nn.functional.avg_pool2d(d, s, 1, s / 2, count_include_pad: false) * masks).MoveToOuterDisposeScope();
    }

    /// <summary>Heatmaps of x_dif [N, C, S, S] restricted to the effective area masks [N, 1, S, S].</summary>
    public HeatmapResult Build(Tensor difference, Tensor masks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (settings.Mode == HeatmapSettings.CalibratedMode)
        {
            return Calibrated(difference, masks);
        }

        var d = difference.mean([1L], keepdim: true) * masks;
        var kept = d * d.AtLeastMask(settings.Threshold).to_type(ScalarType.Float32);
        var s = settings.Smoothing;
        var smooth = s == 1 ? kept : nn.functional.avg_pool2d(kept, s, 1, s / 2, count_include_pad: false);
        var beta = settings.Enhancement;
        var enhanced = smooth.Times(beta).exp().Plus(-1).DividedBy(Math.Exp(beta) - 1) * masks;
        var area = masks.sum([1L, 2L, 3L]).AtLeast(1);
        var apds = (enhanced.sum([1L, 2L, 3L]) / area).to(CPU).data<float>().ToArray().Select(v => (double)v).ToArray();
        return new HeatmapResult(enhanced.MoveToOuterDisposeScope(), apds);
    }

    private HeatmapResult Calibrated(Tensor difference, Tensor masks)
    {
        var statistics = normal!;
        var size = difference.shape[^1];
        if (statistics.Size != size)
        {
            throw new IslModelException($"The normal residual statistics are {statistics.Size}², the difference images {size}².");
        }

        var device = difference.device;
        var mean = tensor(statistics.Mean, [1, 1, size, size], device: device);
        var spread = tensor(statistics.Spread, [1, 1, size, size], device: device);
        var z = (Smoothed(difference, masks) - mean) / spread;
        var map = z.Plus(-settings.ZLow).DividedBy(settings.ZHigh - settings.ZLow).Between(0, 1) * masks;
        var area = masks.sum([1L, 2L, 3L]).AtLeast(1);
        var apds = (map.sum([1L, 2L, 3L]) / area).to(CPU).data<float>().ToArray().Select(v => (double)v).ToArray();
        return new HeatmapResult(map.MoveToOuterDisposeScope(), apds);
    }
}
