namespace Isl.Model.Inference;

/// <summary>How the K×K grid is inpainted.</summary>
public enum GridMode
{
    /// <summary>The paper: each of the K² cells masked alone, K² generator passes per slice.</summary>
    Exact,

    /// <summary>Non-adjacent cells masked together: cells (i, j) with equal (i mod g, j mod g) share a pass; g² passes per slice.</summary>
    Fast,

    /// <summary>
    /// No cell masked: one pass reconstructs the whole visible slice, x_dd = G(x, 0, e). With a generator trained the same
    /// way (no holes) this is the plain autoencoder reconstruction-error baseline of the evaluation, not the method.
    /// </summary>
    Autoencoder,
}
