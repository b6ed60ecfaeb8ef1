using Isl.Model.Networks;

namespace Isl.Bench.Model;

/// <summary>Analytic FLOPs (2 × multiply-adds of convolutions and linear layers; norms and activations ignored).</summary>
internal static class ModelFlops
{
    public static double Generator(NetworkProfile p, int channels)
    {
        double s = p.Size, w0 = p.GeneratorWidths[0], w1 = p.GeneratorWidths[1], w2 = p.GeneratorWidths[2];
        double q = s / 4, h = s / 2;
        var encoder = (s * s * 49 * (channels + 2) * w0) + (h * h * 16 * w0 * w1) + (q * q * 16 * w1 * w2);
        var blocks = p.ResidualBlocks * 2 * (q * q * 9 * w2 * w2);
        var decoder = (q * q * 16 * w2 * w1) + (h * h * 16 * w1 * w0) + (s * s * 49 * w0 * channels);
        return 2 * (encoder + blocks + decoder);
    }

    public static double Drn(NetworkProfile p, int channels)
    {
        double s = p.Size, w = p.DrnWidth;
        var total = s * s * 9 * channels * w;
        double[] widths = [w, w, 2 * w, 4 * w, 8 * w];
        for (var stage = 1; stage <= 4; stage++)
        {
            var o = s / Math.Pow(2, stage);
            double cin = widths[stage - 1], cout = widths[stage];
            total += (o * o * 9 * cin * cout) + (o * o * 9 * cout * cout) + (o * o * cin * cout);
        }

        return 2 * (total + (8 * w * p.EmbeddingDim));
    }
}
