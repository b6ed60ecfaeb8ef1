using Isl.Model.Heatmaps;
using Isl.Model.Drn;
using Isl.Model.Scoring;
using Isl.Trainer.Data;
using Isl.Trainer.Evaluation;
using Isl.Trainer.Evaluation.Pointing;

namespace Isl.Trainer.Cli.Training;

/// <summary>Scored slices with their labels, from a bundle run over a labelled folder or from a scores file.</summary>
/// <param name="Slices">The scored slices.</param>
/// <param name="LabelNames">Their label columns.</param>
/// <param name="SliceLevelLabels">True when labels are per slice.</param>
/// <param name="Threshold">The bundle's calibrated threshold, if any.</param>
/// <param name="Context">What was scored, for reports.</param>
/// <param name="Rejected">Inputs skipped while preparing.</param>
internal sealed record ScoredInputs(IReadOnlyList<ScoredSlice> Slices, IReadOnlyList<string> LabelNames, bool SliceLevelLabels, double? Threshold, IReadOnlyDictionary<string, string> Context, IReadOnlyList<InputProblem> Rejected)
{
    /// <summary>Each slice's heatmap maximum, when the scoring kept them (for the pointing game).</summary>
    public IReadOnlyList<HeatmapPeak>? HeatmapPeaks { get; init; }

    /// <summary>Each slice's heatmap strength map (<see cref="ScanResult.HeatmapStrengths"/>), kept with the peaks.</summary>
    public IReadOnlyList<float[]>? HeatmapStrengths { get; init; }

    /// <summary>The strength above which the heatmap shows colour (<see cref="Isl.Model.Heatmaps.HeatmapSettings.ColourLevel"/>), with the strengths.</summary>
    public double? HeatmapColourLevel { get; init; }

    /// <summary>The bundle's own scan pooling, when a bundle scored the slices.</summary>
    public ScanPooling? BundlePooling { get; init; }

    /// <summary>The slice score kind the slices carry, when a bundle scored them.</summary>
    public SliceScoreKind? ScoreKind { get; init; }

    /// <summary>Every slice score kind from the same pass (bundle scoring only), so one run serves the whole ablation.</summary>
    public IReadOnlyDictionary<SliceScoreKind, IReadOnlyList<ScoredSlice>>? ScoresByKind { get; init; }

    /// <summary>Loads scores from <paramref name="scoresFile"/>, or scores <paramref name="data"/> with <paramref name="bundle"/>.</summary>
    public static ScoredInputs Load(string? bundle, string? data, string? scoresFile, string workDirectory, ScoringSettings settings, CancellationToken cancellationToken, bool heatmapPeaks = false)
    {
        if (scoresFile is not null)
        {
            if (bundle is not null || data is not null)
            {
                throw new TrainerException("Give either --scores, or --bundle with --data, not both.");
            }

            var (slices, labelNames, sliceLevel) = ScoresFile.ReadTable(scoresFile);
            return new ScoredInputs(slices, labelNames, sliceLevel, null, new Dictionary<string, string> { ["scores"] = Path.GetFullPath(scoresFile) }, []);
        }

        if (bundle is null || data is null)
        {
            throw new TrainerException("Give --bundle and --data (a labelled folder), or --scores.");
        }

        return BundleScoring.ScoreFolder(bundle, data, workDirectory, settings, cancellationToken, heatmapPeaks);
    }
}
