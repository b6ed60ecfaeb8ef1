namespace Isl.Model.Scoring;

/// <summary>Which figure a slice's anomaly score is; the scan score pools it.</summary>
public enum SliceScoreKind
{
    /// <summary>The DRN distance ‖h − c‖ (the method).</summary>
    Drn,

    /// <summary>The D-score: pixel sum of the difference image (the paper's ablation).</summary>
    DScore,

    /// <summary>The heatmap's APDS: mean of the processed (or calibrated) heatmap over the effective area.</summary>
    Apds,
}
