using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Dedn;

/// <summary>Style loss: L1 between Gram matrices of feature maps, summed over layers.</summary>
public static class GramStyleLoss
{
    /// <summary>Gram matrix [B, C, C] of features [B, C, H, W], divided by C·H·W.</summary>
    public static Tensor Gram(Tensor features)
    {
        long b = features.shape[0], c = features.shape[1], hw = features.shape[2] * features.shape[3];
        var f = features.reshape(b, c, hw);
        return f.bmm(f.transpose(1, 2)).DividedBy(c * hw);
    }

    /// <summary>Σ over layers of mean |Gram(a) − Gram(b)|.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> outputFeatures, IReadOnlyList<Tensor> targetFeatures)
    {
        Check(outputFeatures, targetFeatures);
        var total = zeros(1, device: outputFeatures[0].device).squeeze();
        for (var i = 0; i < outputFeatures.Count; i++)
        {
            total = total.Plus((Gram(outputFeatures[i]) - Gram(targetFeatures[i])).abs().mean());
        }

        return total;
    }

    internal static void Check(IReadOnlyList<Tensor> a, IReadOnlyList<Tensor> b)
    {
        if (a.Count == 0 || a.Count != b.Count)
        {
            throw new IslModelException("Feature lists must be non-empty and of equal length.");
        }
    }
}
