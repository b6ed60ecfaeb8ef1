namespace Isl.Model.Scoring;

/// <summary>The scores of one scan (a stack of slices in scored order).</summary>
public sealed record ScanResult
{
    /// <summary>Input index of each scored slice (ordered along the slice normal when geometry was given).</summary>
    public required IReadOnlyList<int> SliceOrder { get; init; }

    /// <summary>The slice scores the scan score pools: the figure the bundle (or <see cref="ScoringOptions.SliceScore"/>) names.</summary>
    public required IReadOnlyList<double> SliceScores { get; init; }

    /// <summary>Which figure <see cref="SliceScores"/> holds.</summary>
    public SliceScoreKind ScoreKind { get; init; } = SliceScoreKind.Drn;

    /// <summary>DRN slice scores ‖h − c‖.</summary>
    public required IReadOnlyList<double> DrnScores { get; init; }

    /// <summary>
    /// Per slice (scored order): whether it counts. Slices with too little intracranial area (air above the vertex, neck,
    /// skull base) are not scored; their <see cref="SliceScores"/> are still computed but leave the scan score out.
    /// </summary>
    public IReadOnlyList<bool> Scored { get; init; } = [];

    /// <summary>Per slice (scored order): the share of the model image inside the effective area (intracranial or head).</summary>
    public IReadOnlyList<double> AreaFractions { get; init; } = [];

    /// <summary>Whether slice <paramref name="index"/> (scored order) counts for the scan score.</summary>
    public bool IsScored(int index) => Scored.Count == 0 || Scored[index];

    /// <summary>Scan score (pooled scores of the scored slices).</summary>
    public required double ScanScore { get; init; }

    /// <summary>D-score baseline: pixel sum of x_dif per slice (at model size, over all channels).</summary>
    public required IReadOnlyList<double> DScores { get; init; }

    /// <summary>APDS per slice (the per-slice distribution curve).</summary>
    public required IReadOnlyList<double> Apds { get; init; }

    /// <summary>Heatmaps (size × size, [0, 1]) per slice; empty when not asked for.</summary>
    public required IReadOnlyList<float[]> Heatmaps { get; init; }

    /// <summary>Per slice, where its heatmap evidence is strongest inside the heatmap area (also when nothing is coloured); empty when heatmaps were not asked for.</summary>
    public IReadOnlyList<Heatmaps.HeatmapPeak> HeatmapPeaks { get; init; } = [];

    /// <summary>
    /// Per slice, the strength map its peak is the maximum of (size × size; the z-score in calibrated mode), with
    /// <see cref="float.NegativeInfinity"/> where the heatmap may not show colour (<see cref="Heatmaps.HeatmapPeak.InsideArea"/>);
    /// empty when heatmaps were not asked for.
    /// </summary>
    public IReadOnlyList<float[]> HeatmapStrengths { get; init; } = [];

    /// <summary>Heatmap side length.</summary>
    public required int HeatmapSize { get; init; }

    /// <summary>The bundle's calibrated scan threshold, when it has one.</summary>
    public double? Threshold { get; init; }

    /// <summary>The <see cref="Verdict"/> of ScanScore at Threshold; null when uncalibrated.</summary>
    public bool? IsAbnormal => Threshold is { } t ? Verdict.IsAbnormal(ScanScore, t) : null;
}
