using Isl.Model.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Isl.Model.Edges;

/// <summary>
/// Batched Canny edge detection in torch: Gaussian blur, Sobel gradients, non-maximum suppression along the
/// quantised gradient direction, and hysteresis by iterated 3×3 dilation of strong edges inside weak ones.
/// Magnitudes are scaled so a unit step edge (before blurring) has magnitude 1.
/// </summary>
public sealed class CannyEdgeDetector
{
    /// <summary>Creates a detector.</summary>
    /// <param name="sigma">Gaussian standard deviation in pixels (0 disables blurring).</param>
    /// <param name="lowThreshold">Weak-edge threshold.</param>
    /// <param name="highThreshold">Strong-edge threshold.</param>
    public CannyEdgeDetector(double sigma = 1.0, double lowThreshold = 0.1, double highThreshold = 0.2)
    {
        if (sigma < 0 || lowThreshold < 0 || highThreshold < lowThreshold)
        {
            throw new IslModelException("Canny needs sigma ≥ 0 and 0 ≤ low ≤ high thresholds.");
        }

        Sigma = sigma;
        LowThreshold = lowThreshold;
        HighThreshold = highThreshold;
    }

    /// <summary>Gaussian standard deviation.</summary>
    public double Sigma { get; }

    /// <summary>Weak-edge threshold.</summary>
    public double LowThreshold { get; }

    /// <summary>Strong-edge threshold.</summary>
    public double HighThreshold { get; }

    /// <summary>Edge map [B, 1, H, W] (0/1) of images [B, C, H, W]; channels are averaged to gray first.</summary>
    public Tensor Detect(Tensor images)
    {
        if (images.dim() != 4)
        {
            throw new IslModelException("Canny expects a [B, C, H, W] batch.");
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var gray = images.mean([1], keepdim: true);
        var blurred = Sigma > 0 ? Blur(gray) : gray;
        var padded = nn.functional.pad(blurred, [1, 1, 1, 1], PaddingModes.Replicate);
        var sobelX = tensor(new float[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, [1, 1, 3, 3], device: images.device);
        var sobelY = tensor(new float[] { -1, -2, -1, 0, 0, 0, 1, 2, 1 }, [1, 1, 3, 3], device: images.device);
        var gx = nn.functional.conv2d(padded, sobelX).DividedBy(4);
        var gy = nn.functional.conv2d(padded, sobelY).DividedBy(4);
        var magnitude = gx.Squared().Plus(gy.Squared()).sqrt();
        var suppressed = magnitude * IsLocalMaximum(magnitude, gx, gy);
        var strong = suppressed.AtLeastMask(HighThreshold);
        var weak = suppressed.AtLeastMask(LowThreshold);
        var edges = Hysteresis(strong, weak);
        return edges.to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    private Tensor Blur(Tensor gray)
    {
        var radius = Math.Max(1, (int)Math.Ceiling(2 * Sigma));
        var taps = new float[(2 * radius) + 1];
        for (var i = -radius; i <= radius; i++)
        {
            taps[i + radius] = (float)Math.Exp(-(i * i) / (2 * Sigma * Sigma));
        }

        var sum = taps.Sum();
        var kernel = tensor(taps.Select(t => t / sum).ToArray(), device: gray.device);
        var horizontal = kernel.reshape(1, 1, 1, taps.Length);
        var vertical = kernel.reshape(1, 1, taps.Length, 1);
        var x = nn.functional.pad(gray, [radius, radius, radius, radius], PaddingModes.Replicate);
        return nn.functional.conv2d(nn.functional.conv2d(x, horizontal), vertical);
    }

    private static Tensor IsLocalMaximum(Tensor magnitude, Tensor gx, Tensor gy)
    {
        long h = magnitude.shape[2], w = magnitude.shape[3];
        var p = nn.functional.pad(magnitude, [1, 1, 1, 1], PaddingModes.Constant, 0);
        Tensor At(int dr, int dc) => p[.., .., (1 + dr)..(int)(1 + dr + h), (1 + dc)..(int)(1 + dc + w)];

        // Gradient angle in [0, 180): 0 = along columns (x), 90 = along rows (y, downwards).
        var angle = atan2(gy, gx).rad2deg().remainder(TorchScalars.Real(180));
        var bin0 = angle.BelowMask(22.5).logical_or(angle.AtLeastMask(157.5));
        var bin45 = angle.AtLeastMask(22.5).logical_and(angle.BelowMask(67.5));
        var bin90 = angle.AtLeastMask(67.5).logical_and(angle.BelowMask(112.5));
        var bin135 = angle.AtLeastMask(112.5).logical_and(angle.BelowMask(157.5));
        var max0 = magnitude.ge(At(0, -1)).logical_and(magnitude.ge(At(0, 1)));
        var max45 = magnitude.ge(At(-1, -1)).logical_and(magnitude.ge(At(1, 1)));
        var max90 = magnitude.ge(At(-1, 0)).logical_and(magnitude.ge(At(1, 0)));
        var max135 = magnitude.ge(At(-1, 1)).logical_and(magnitude.ge(At(1, -1)));
        var keep = bin0.logical_and(max0).logical_or(bin45.logical_and(max45)).logical_or(bin90.logical_and(max90)).logical_or(bin135.logical_and(max135));
        return keep.to_type(ScalarType.Float32);
    }

    private static Tensor Hysteresis(Tensor strong, Tensor weak)
    {
        var edges = strong.to_type(ScalarType.Float32);
        var allowed = weak.to_type(ScalarType.Float32);
        var limit = strong.shape[2] * strong.shape[3];
        for (long iteration = 0; iteration < limit; iteration += 8)
        {
            var before = edges.sum().item<float>();
            for (var k = 0; k < 8; k++)
            {
                edges = nn.functional.max_pool2d(edges, 3, 1, 1) * allowed;
            }

            if (edges.sum().item<float>() == before)
            {
                break;
            }
        }

        return edges.AboveMask(0.5);
    }
}
