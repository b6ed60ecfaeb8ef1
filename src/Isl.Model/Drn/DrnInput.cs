namespace Isl.Model.Drn;

/// <summary>What the DRN looks at.</summary>
public enum DrnInput
{
    /// <summary>The difference image |x − x_dd| (the paper's method).</summary>
    Difference,

    /// <summary>The raw image (the paper's ablation baseline).</summary>
    Raw,
}
