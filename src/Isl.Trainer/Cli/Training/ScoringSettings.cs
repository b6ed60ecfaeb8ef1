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

    /// <summary>The scorer's options for these settings.</summary>
    public ScoringOptions ScoringOptions(bool heatmaps) => new() { GridMode = Grid, Heatmaps = heatmaps, HeatmapMode = HeatmapMode, Engine = Engine, Threads = Threads };
}
