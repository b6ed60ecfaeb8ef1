using static TorchSharp.torch;

namespace Isl.Model.Inference;

/// <summary>
/// Builds the de-disorder image x_dd: every slice is copied once per pass, each copy has its pass's cells
/// masked and inpainted (all copies of several slices in one batch), and x_dd = Σ_p m_p ⊙ G(x ⊙ (1 − m_p), m_p, e).
/// </summary>
public sealed class GridInpainter
{
    /// <summary>Inpaints holes of images given the edge map: (images, holes, edges) → output.</summary>
    public delegate Tensor Inpaint(Tensor images, Tensor holes, Tensor edges);

    private readonly Inpaint inpaint;
    private readonly Func<Tensor, Tensor> edges;
    private readonly GridSettings grid;

    /// <summary>Creates the inpainter.</summary>
    /// <param name="inpaint">The generator's inpaint function.</param>
    /// <param name="edges">Edge maps [N, 1, S, S] of images [N, C, S, S].</param>
    /// <param name="grid">Grid settings.</param>
    /// <param name="maxBatch">Upper bound on generator batch size (copies per forward).</param>
    public GridInpainter(Inpaint inpaint, Func<Tensor, Tensor> edges, GridSettings grid, int maxBatch = 64)
    {
        this.inpaint = inpaint;
        this.edges = edges;
        this.grid = grid;
        MaxBatch = Math.Max(1, maxBatch);
    }

    /// <summary>Upper bound on copies per generator forward.</summary>
    public int MaxBatch { get; }

    /// <summary>x_dd [N, C, S, S] of images [N, C, S, S].</summary>
    public Tensor Reconstruct(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long n = images.shape[0], c = images.shape[1], s = images.shape[2];
        var masks = GridMasks.Build(grid, (int)s, images.device);
        var passes = masks.shape[0];
        var edgeMaps = edges(images);
        var slicesPerBatch = Math.Max(1, MaxBatch / passes);
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += slicesPerBatch)
        {
            var count = Math.Min(slicesPerBatch, n - start);
            var x = images.narrow(0, start, count).unsqueeze(1).expand(count, passes, c, s, s).reshape(count * passes, c, s, s);
            var e = edgeMaps.narrow(0, start, count).unsqueeze(1).expand(count, passes, 1, s, s).reshape(count * passes, 1, s, s);
            var holes = masks.unsqueeze(0).expand(count, passes, 1, s, s).reshape(count * passes, 1, s, s);
            var output = inpaint(x, holes, e).reshape(count, passes, c, s, s);
            parts.Add(grid.Mode == GridMode.Autoencoder ? output.select(1, 0) : Combine(output, masks));
        }

        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Σ_p m_p ⊙ output_p: outputs [N, P, C, S, S], masks [P, 1, S, S] → [N, C, S, S].</summary>
    public static Tensor Combine(Tensor outputs, Tensor masks) => (outputs * masks.unsqueeze(0)).sum([1L]);
}
