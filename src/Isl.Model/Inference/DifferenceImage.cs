using Isl.Model.Edges;
using Isl.Model.Networks;
using static TorchSharp.torch;

namespace Isl.Model.Inference;

/// <summary>x_dif = |x − x_dd| inside the effective area, with x_dd from grid inpainting.</summary>
public static class DifferenceImage
{
    /// <summary>Difference images [N, C, S, S] of images [N, C, S, S] with head masks [N, 1, S, S].</summary>
    public static Tensor Compute(DeDnGenerator generator, CannyEdgeDetector canny, GridSettings grid, Tensor images, Tensor masks, int maxBatch = 32)
    {
        using var scope = NewDisposeScope();
        generator.eval();
        var device = generator.parameters().First().device;
        var x = images.to(device);
        var inpainter = new GridInpainter(generator.Inpaint, canny.Detect, grid, maxBatch);
        var xdd = inpainter.Reconstruct(x);
        return ((x - xdd).abs() * masks.to(device)).MoveToOuterDisposeScope();
    }
}
