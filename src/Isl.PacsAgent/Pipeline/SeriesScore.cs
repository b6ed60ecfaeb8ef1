using Isl.Model.Scoring;

namespace Isl.PacsAgent.Pipeline;

/// <summary>The model's output for a scored series.</summary>
/// <param name="Score">The scan score (mean of slice scores in the paper).</param>
/// <param name="Threshold">The bundle's calibrated decision threshold.</param>
/// <param name="ModelName">The algorithm's name.</param>
/// <param name="ModelVersion">The model bundle's version (part of the output UIDs).</param>
/// <param name="Slices">Per-slice scores and heatmaps, in the series' slice order.</param>
public sealed record SeriesScore(double Score, double Threshold, string ModelName, string ModelVersion, IReadOnlyList<SliceScore> Slices)
{
    /// <summary>The model's identifier (part of the output UIDs).</summary>
    public string ModelId { get; init; } = "isl-head-ct";

    /// <summary>The scoring device's UID (the SR observer), stable per bundle.</summary>
    public string DeviceUid { get; init; } = "";

    /// <summary>Instances of the series left out because they could not be read.</summary>
    public IReadOnlyList<SkippedInstance> Skipped { get; init; } = [];

    /// <summary>The slab thickness in mm when thin slices were averaged into slabs of the model's thickness; null otherwise.</summary>
    public double? SlabThicknessMm { get; init; }

    /// <summary>Whether the study is flagged abnormal (the model's <see cref="Verdict"/>).</summary>
    public bool Abnormal => Verdict.IsAbnormal(Score, Threshold);
}
