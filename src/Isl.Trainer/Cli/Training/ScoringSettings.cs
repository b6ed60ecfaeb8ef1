using Isl.Model.Inference;
using Isl.Model.Scoring;

namespace Isl.Trainer.Cli.Training;

/// <summary>Where and how networks run.</summary>
/// <param name="Device">auto, cpu or cuda.</param>
/// <param name="Threads">Torch CPU threads (0 = default).</param>
/// <param name="Batch">Slices per scoring batch.</param>
/// <param name="Grid">Grid mode override (null = the bundle's).</param>
/// <param name="Score">Which per-slice figure to use; null for the bundle's own.</param>
internal sealed record ScoringSettings(string Device, int Threads, int Batch, GridMode? Grid = null, SliceScoreKind? Score = null)
{
    /// <summary>Overrides the bundle's heatmap mode (paper or calibrated).</summary>
    public string? HeatmapMode { get; init; }

    /// <summary>Overrides the bundle's heatmap polarity (absolute or brighter).</summary>
    public string? HeatmapPolarity { get; init; }

    /// <summary>The bundle's heatmap settings <paramref name="stored"/> with the overrides applied; null when there are none.</summary>
    public Isl.Model.Heatmaps.HeatmapSettings? HeatmapFor(Isl.Model.Heatmaps.HeatmapSettings stored)
        => HeatmapMode is null && HeatmapPolarity is null ? null : stored with { Mode = HeatmapMode ?? stored.Mode, Polarity = HeatmapPolarity ?? stored.Polarity };
}
