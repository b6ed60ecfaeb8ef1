using Isl.Model.Dedn;
using Isl.Model.Edges;
using Isl.Model.Inference;
using Isl.Model.Networks;
using static TorchSharp.torch;

namespace Isl.Model.Drn;

/// <summary>
/// What the DRN trains on, from prepared normal images [N, C, S, S] and head masks [N, 1, S, S]: the normals and their
/// cutout views (the positives, one per normal, drawn with <c>seed</c>), as difference images x_dif from a trained DeDN
/// (the method) or as the masked raw images (the paper's ablation, no DeDN), gathered on the CPU.
/// </summary>
public static class DrnTrainingInputs
{
    /// <summary>The DRN's normals and positives; <paramref name="dedn"/> null → raw images.</summary>
    public static (Tensor Normals, Tensor Positives) Compute(Tensor images, Tensor masks, int seed, (DeDnGenerator Generator, CannyEdgeDetector Canny, GridSettings Grid)? dedn)
    {
        using var scope = NewDisposeScope();
        var cutouts = AnomalyViews.Cutout(images, masks, new Random(seed));
        if (dedn is not { } d)
        {
            return ((images * masks).MoveToOuterDisposeScope(), (cutouts * masks).MoveToOuterDisposeScope());
        }

        var normals = DifferenceImage.ComputeOnCpu(d.Generator, d.Canny, d.Grid, images, masks);
        var positives = DifferenceImage.ComputeOnCpu(d.Generator, d.Canny, d.Grid, cutouts, masks);
        return (normals.MoveToOuterDisposeScope(), positives.MoveToOuterDisposeScope());
    }
}
