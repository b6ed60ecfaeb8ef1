using System.Text.Json.Serialization;

namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>
/// The pointing game's result as <c>metrics.json</c> carries it: the lesion-slice headline (<see cref="Slices"/>,
/// <see cref="Hits"/>, <see cref="Rate"/>), the scan-level figures, and one tally per group (all, lesion type or
/// label column, size class).
/// </summary>
/// <param name="Groups">The tallies; the first is the "all" group.</param>
public sealed record PointingSummary(IReadOnlyList<PointingTally> Groups)
{
    private PointingTally? All => Groups.FirstOrDefault(g => g.Group == Evaluator.AllDisorders);

    /// <summary>Lesion-bearing slices played.</summary>
    public int Slices => All?.Slices ?? 0;

    /// <summary>Lesion slices whose heatmap maximum lies inside the lesion.</summary>
    public int Hits => All?.SliceHits ?? 0;

    /// <summary>Hits ÷ slices, or null without slices.</summary>
    public double? Rate => All?.SliceRate;

    /// <summary>Lesion-bearing scans played.</summary>
    public int Scans => All?.Scans ?? 0;

    /// <summary>Scans whose strongest heatmap maximum (over all their slices) lies inside a lesion.</summary>
    public int ScanHits => All?.ScanHits ?? 0;

    /// <summary>Scored slices of disorder-free scans.</summary>
    public int NormalSlices { get; init; }

    /// <summary>How many of them show any colour (a heatmap value above zero, i.e. above the calibrated threshold).</summary>
    public int NormalColoured { get; init; }

    /// <summary>
    /// How many lesion slices show any colour on the lesion itself (its strongest heatmap value above the colour level):
    /// what a radiologist sees of the lesion in the heatmap series. Null when no strength maps were kept.
    /// </summary>
    public int? LesionColoured { get; init; }

    /// <summary>Lesion slices with colour on the lesion ÷ lesion slices, or null.</summary>
    public double? LesionColourRate => LesionColoured is { } c && Slices > 0 ? (double)c / Slices : null;

    /// <summary>Every lesion slice played, for <c>pointing.csv</c>; not part of <c>metrics.json</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<PointingSlice> Lesions { get; init; } = [];

    /// <summary>Coloured ÷ normal slices, or null without normal slices.</summary>
    public double? NormalColourRate => NormalSlices > 0 ? (double)NormalColoured / NormalSlices : null;
}
