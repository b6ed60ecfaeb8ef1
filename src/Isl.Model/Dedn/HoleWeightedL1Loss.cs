using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Dedn;

/// <summary>L1 reconstruction loss with separate weights inside the holes (mask = 1) and outside.</summary>
public static class HoleWeightedL1Loss
{
    /// <summary>mean(|output − target| · (holeWeight · m + validWeight · (1 − m))).</summary>
    public static Tensor Compute(Tensor output, Tensor target, Tensor holes, double holeWeight = 1.0, double validWeight = 1.0)
    {
        var weights = holes.Times(holeWeight).Plus(holes.SubtractedFrom(1).Times(validWeight));
        return ((output - target).abs() * weights).mean();
    }
}
