using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Dedn;

/// <summary>Perceptual loss: mean L1 between feature maps of a frozen network, summed over layers.</summary>
public static class PerceptualLoss
{
    /// <summary>Σ over layers of mean |a − b|.</summary>
    public static Tensor Compute(IReadOnlyList<Tensor> outputFeatures, IReadOnlyList<Tensor> targetFeatures)
    {
        GramStyleLoss.Check(outputFeatures, targetFeatures);
        var total = zeros(1, device: outputFeatures[0].device).squeeze();
        for (var i = 0; i < outputFeatures.Count; i++)
        {
            total = total.Plus((outputFeatures[i] - targetFeatures[i]).abs().mean());
        }

        return total;
    }
}
