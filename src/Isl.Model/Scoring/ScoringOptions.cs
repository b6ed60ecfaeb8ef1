using Isl.Model.Drn;
using Isl.Model.Inference;
using Isl.Model.Runtime;

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

    /// <summary>What runs the networks: TorchSharp over the .bin weights, or ONNX Runtime over the bundle's .onnx files.</summary>
    public InferenceEngine Engine { get; init; } = InferenceEngine.Torch;

    /// <summary>Intra-op CPU threads of the ONNX engine (0: ONNX Runtime's default; torch's are set by <see cref="TorchRuntime.SetThreads"/>).</summary>
    public int Threads { get; init; }

    /// <summary>Whether to return heatmaps.</summary>
    public bool Heatmaps { get; init; } = true;
}
