namespace Isl.Model.Scoring;

/// <summary>The scores of one scan (a stack of slices in scored order).</summary>
public sealed record ScanResult
{
    /// <summary>Input index of each scored slice (ordered along the slice normal when geometry was given).</summary>
    public required IReadOnlyList<int> SliceOrder { get; init; }

    /// <summary>DRN slice scores ‖h − c‖.</summary>
    public required IReadOnlyList<double> SliceScores { get; init; }

    /// <summary>Scan score (pooled slice scores).</summary>
    public required double ScanScore { get; init; }

    /// <summary>D-score baseline: pixel sum of x_dif per slice (at model size, over all channels).</summary>
    public required IReadOnlyList<double> DScores { get; init; }

    /// <summary>APDS per slice (the per-slice distribution curve).</summary>
    public required IReadOnlyList<double> Apds { get; init; }

    /// <summary>Heatmaps (size × size, [0, 1]) per slice; empty when not asked for.</summary>
    public required IReadOnlyList<float[]> Heatmaps { get; init; }

    /// <summary>Heatmap side length.</summary>
    public required int HeatmapSize { get; init; }

    /// <summary>The bundle's calibrated scan threshold, when it has one.</summary>
    public double? Threshold { get; init; }

    /// <summary>ScanScore ≥ Threshold; null when uncalibrated.</summary>
    public bool? IsAbnormal => Threshold is { } t ? ScanScore >= t : null;
}
