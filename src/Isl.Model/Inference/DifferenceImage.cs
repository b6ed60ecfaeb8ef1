using Isl.Model.Dedn;
using Isl.Model.Edges;
using Isl.Model.Networks;
using static TorchSharp.torch;

namespace Isl.Model.Inference;

/// <summary>x_dif = |x − x_dd| (and the signed residual x − x_dd) inside the effective area, with x_dd from grid inpainting.</summary>
public static class DifferenceImage
{
    /// <summary>
    /// Difference images [N, C, S, S] of any number of images, <paramref name="slicesPerPass"/> at a time, gathered on
    /// the CPU: the grid inpainting's working memory grows with the slices of one pass (hundreds at once need tens of GB).
    /// </summary>
    public static Tensor ComputeOnCpu(DeDnGenerator generator, CannyEdgeDetector canny, GridSettings grid, Tensor images, Tensor masks, int slicesPerPass = 32)
    {
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += slicesPerPass)
        {
            var count = Math.Min(slicesPerPass, images.shape[0] - start);
            using var pass = NewDisposeScope();
            parts.Add(Compute(generator, canny, grid, images.narrow(0, start, count), masks.narrow(0, start, count)).to(CPU).MoveToOuterDisposeScope());
        }

        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Difference images [N, C, S, S] of images [N, C, S, S] with head masks [N, 1, S, S].</summary>
    public static Tensor Compute(DeDnGenerator generator, CannyEdgeDetector canny, GridSettings grid, Tensor images, Tensor masks, int maxBatch = 32)
    {
        using var scope = NewDisposeScope();
        generator.eval();
        var device = generator.parameters().First().device;
        return Residual(generator.Inpaint, device, canny, grid, images, masks, maxBatch).abs().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The signed residual x − x_dd [N, C, S, S] inside the masks [N, 1, S, S] with any engine's
    /// <paramref name="inpaint"/>, computed on <paramref name="device"/>; its magnitude is x_dif.
    /// </summary>
    public static Tensor Residual(GridInpainter.Inpaint inpaint, Device device, CannyEdgeDetector canny, GridSettings grid, Tensor images, Tensor masks, int maxBatch = 32)
    {
        using var scope = NewDisposeScope();
        var x = images.to(device);
        var inpainter = new GridInpainter(inpaint, canny.Detect, grid, maxBatch);
        var xdd = inpainter.Reconstruct(x);
        return ((x - xdd) * masks.to(device)).MoveToOuterDisposeScope();
    }
}
