using Isl.Model.Drn;
using Isl.Model.Inference;

namespace Isl.Model.Scoring;

/// <summary>Scoring-time choices (defaults come from the bundle).</summary>
public sealed record ScoringOptions
{
    /// <summary>Overrides the bundle's grid mode (exact K² or fast).</summary>
    public GridMode? GridMode { get; init; }

    /// <summary>Overrides the bundle's scan pooling.</summary>
    public ScanPooling? ScanPooling { get; init; }

    /// <summary>Most generator copies per forward pass (memory bound).</summary>
    public int MaxBatch { get; init; } = 32;

    /// <summary>
    /// Heatmap settings to use instead of the bundle's (e.g. the paper's post-processing, to measure one against the
    /// other); a calibrated heatmap must keep the polarity, reference, bone rule and smoothing its statistics were
    /// fitted with.
    /// </summary>
    public Heatmaps.HeatmapSettings? Heatmap { get; init; }

    /// <summary>Overrides the bundle's slice score kind (e.g. to measure the D-score against the DRN).</summary>
    public SliceScoreKind? SliceScore { get; init; }

    /// <summary>Whether to return heatmaps.</summary>
    public bool Heatmaps { get; init; } = true;
}
