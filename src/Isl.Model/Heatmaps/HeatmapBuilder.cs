using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Heatmaps;

/// <summary>Turns difference images into heatmaps and APDS values; the APDS sequence over a study is its per-slice curve.</summary>
public sealed class HeatmapBuilder
{
    private readonly HeatmapSettings settings;

    /// <summary>Creates the builder.</summary>
    public HeatmapBuilder(HeatmapSettings settings)
    {
        settings.Validate();
        this.settings = settings;
    }

    /// <summary>Heatmaps of x_dif [N, C, S, S] restricted to the effective area masks [N, 1, S, S].</summary>
    public HeatmapResult Build(Tensor difference, Tensor masks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
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
}
