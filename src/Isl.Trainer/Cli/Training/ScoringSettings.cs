using Isl.Model.Inference;
using Isl.Model.Runtime;
using Isl.Model.Scoring;

namespace Isl.Trainer.Cli.Training;

/// <summary>Where and how networks run.</summary>
/// <param name="Device">cpu, cuda, cuda:N or auto.</param>
/// <param name="Engine">What runs the networks when scoring (training is always torch).</param>
/// <param name="Threads">CPU threads of torch and of the onnx engine (0 = default).</param>
/// <param name="Batch">Slices per scoring batch.</param>
/// <param name="Grid">Grid mode override (null = the bundle's).</param>
/// <param name="Score">Which per-slice figure to use; null for the bundle's own.</param>
internal sealed record ScoringSettings(DeviceOption Device, InferenceEngine Engine, int Threads, int Batch, GridMode? Grid = null, SliceScoreKind? Score = null)
{
    /// <summary>Overrides the bundle's heatmap mode (paper or calibrated).</summary>
    public string? HeatmapMode { get; init; }

    /// <summary>Overrides the bundle's heatmap polarity (absolute or brighter).</summary>
    public string? HeatmapPolarity { get; init; }

    /// <summary>The bundle's heatmap settings <paramref name="stored"/> with the overrides applied; null when there are none.</summary>
    public Isl.Model.Heatmaps.HeatmapSettings? HeatmapFor(Isl.Model.Heatmaps.HeatmapSettings stored)
        => HeatmapMode is null && HeatmapPolarity is null ? null : stored with { Mode = HeatmapMode ?? stored.Mode, Polarity = HeatmapPolarity ?? stored.Polarity };

    /// <summary>The scorer's options for these settings, with the overrides applied to the bundle's heatmap <paramref name="stored"/>.</summary>
    public ScoringOptions ScoringOptions(bool heatmaps, Isl.Model.Heatmaps.HeatmapSettings stored)
        => new() { GridMode = Grid, Heatmaps = heatmaps, Heatmap = HeatmapFor(stored), Engine = Engine, Threads = Threads };
}
