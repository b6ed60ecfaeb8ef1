using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Heatmaps;

/// <summary>Turns residuals x − x_dd into heatmaps and APDS values; the APDS sequence over a study is its per-slice curve.</summary>
public sealed class HeatmapBuilder
{
    private readonly HeatmapSettings settings;
    private readonly NormalResidual? normal;
    private readonly PreprocessingSettings? preprocessing;
    private readonly (int Channel, float Level) bone;

    /// <summary>
    /// Creates the builder; calibrated mode needs the bundle's <paramref name="normal"/> residual statistics. The
    /// bundle's <paramref name="preprocessing"/> says which model channel and level are bone
    /// (<see cref="PreprocessingSettings.Bone"/>) and, for a head-area bundle, how to find the skull's interior at model
    /// size; without it, channel 0 from 0.9 is bone.
    /// </summary>
    public HeatmapBuilder(HeatmapSettings settings, NormalResidual? normal = null, PreprocessingSettings? preprocessing = null)
    {
        settings.Validate();
        if (settings.Mode == HeatmapSettings.CalibratedMode && normal is null)
        {
            throw new IslModelException("A calibrated heatmap needs the bundle's normal residual statistics (isl-trainer calibrate-heatmap).");
        }

        this.settings = settings;
        this.normal = normal;
        this.preprocessing = preprocessing;
        bone = preprocessing?.Bone ?? (0, 0.9f);
    }

    /// <summary>
    /// Where the heatmap may show colour [N, 1, S, S]: the effective-area masks, less the pixels of the images
    /// [N, C, S, S] that are bone in the bone channel when the settings exclude bone, and only inside the skull when
    /// they colour only the intracranial region.
    /// </summary>
    public Tensor Area(Tensor images, Tensor masks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var boneImage = images.narrow(1, bone.Channel, 1);
        var area = settings.ExcludeBone ? masks * boneImage.BelowMask(bone.Level).to_type(masks.dtype) : masks.alias();
        // A brain-only bundle's masks already are the skull's interior.
        if (settings.IntracranialOnly && preprocessing is { EffectiveArea: not EffectiveArea.Intracranial } head)
        {
            var size = (int)images.shape[^1];
            var pixels = size * size;
            var channel = boneImage.to(CPU).contiguous().data<float>().ToArray();
            var inside = new float[channel.Length];
            for (var n = 0; n < channel.Length / pixels; n++)
            {
                head.IntracranialAtModelSize(channel.AsSpan(n * pixels, pixels), size).CopyTo(inside, n * pixels);
            }

            area = area * tensor(inside, boneImage.shape, device: masks.device).to_type(masks.dtype);
        }

        return area.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The smoothed channel-mean of the residual [N, C, S, S] taken with the settings' polarity, inside the heatmap
    /// area [N, 1, S, S] (see <see cref="Area"/>): what <see cref="NormalResidual"/> is fitted to.
    /// </summary>
    public Tensor Smoothed(Tensor residual, Tensor area)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return (Smooth(Polarized(residual), area) * area).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Heatmaps of the residual x − x_dd [N, C, S, S] inside the heatmap area [N, 1, S, S] (see <see cref="Area"/>);
    /// APDS is the mean heatmap over that area.
    /// </summary>
    public HeatmapResult Build(Tensor residual, Tensor area)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor map, strength;
        if (settings.Mode == HeatmapSettings.CalibratedMode)
        {
            strength = Calibrated(residual, area);
            map = strength.Plus(-settings.ColourLevel).DividedBy(settings.ZHigh - settings.ColourLevel).Between(0, 1) * area;
        }
        else
        {
            // The paper: threshold t on x_dif, s×s box, exponential enhancement.
            var d = Polarized(residual);
            var beta = settings.Enhancement;
            map = Smooth(d * d.AtLeastMask(settings.Threshold).to_type(ScalarType.Float32), area).Times(beta).exp().Plus(-1).DividedBy(Math.Exp(beta) - 1) * area;
            strength = map.alias();
        }

        var apds = (map.sum([1L, 2L, 3L]) / area.sum([1L, 2L, 3L]).AtLeast(1)).to(CPU).data<float>().ToArray().Select(v => (double)v).ToArray();
        return new HeatmapResult(map.MoveToOuterDisposeScope(), strength.MoveToOuterDisposeScope(), apds);
    }

    // The channel mean of |r| (the paper's x_dif) or of max(r, 0) (denser than the reconstruction), not yet masked.
    private Tensor Polarized(Tensor residual)
        => (settings.Polarity == HeatmapSettings.BrighterPolarity ? residual.relu() : residual.abs()).mean([1L], keepdim: true);

    // The s×s box mean of d inside the area (borders: the pixels that exist).
    private Tensor Smooth(Tensor d, Tensor area)
    {
        var s = settings.Smoothing;
        var inside = d * area;
        return s == 1 ? inside : nn.functional.avg_pool2d(inside, s, 1, s / 2, count_include_pad: false);
    }

    // The z-score of the smoothed residual over the bundle's normal statistics, inside the area.
    private Tensor Calibrated(Tensor residual, Tensor area)
    {
        var statistics = normal!;
        var size = residual.shape[^1];
        if (statistics.Size != size)
        {
            throw new IslModelException($"The normal residual statistics are {statistics.Size}², the difference images {size}².");
        }

        var device = residual.device;
        var mean = tensor(statistics.Mean, [1, 1, size, size], device: device);
        var spread = tensor(statistics.Spread, [1, 1, size, size], device: device);
        return (Smoothed(residual, area) - mean) / spread * area;
    }
}
