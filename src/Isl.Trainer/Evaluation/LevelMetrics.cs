namespace Isl.Trainer.Evaluation;

/// <summary>The figures of one evaluation level (slice or scan) and one label group.</summary>
/// <param name="Count">Samples.</param>
/// <param name="Normals">Normal samples.</param>
/// <param name="Disorders">Disorder samples.</param>
/// <param name="Auroc">The AUROC with its bootstrap interval; null when a class is missing.</param>
/// <param name="AtThreshold">The confusion matrix at the evaluated threshold; null without a threshold.</param>
/// <param name="Roc">The ROC curve's points; empty when a class is missing.</param>
public sealed record LevelMetrics(int Count, int Normals, int Disorders, ConfidenceInterval? Auroc, ConfusionCounts? AtThreshold, IReadOnlyList<RocPoint> Roc)
{
    /// <summary>Sensitivity at the threshold (null without one or without disorders).</summary>
    public double? Sensitivity => AtThreshold is { } c && Disorders > 0 ? c.Sensitivity : null;

    /// <summary>Specificity at the threshold (null without one or without normals).</summary>
    public double? Specificity => AtThreshold is { } c && Normals > 0 ? c.Specificity : null;

    /// <summary>Computes the figures for <paramref name="outcomes"/>.</summary>
    public static LevelMetrics Of(BinaryOutcomes outcomes, double? threshold, int seed, int iterations, double sampleFraction)
    {
        var both = outcomes.PositiveCount > 0 && outcomes.NegativeCount > 0;
        return new LevelMetrics(
            outcomes.Count,
            outcomes.NegativeCount,
            outcomes.PositiveCount,
            both ? AurocBootstrap.Compute(outcomes, seed, sampleFraction, iterations) : null,
            threshold is { } t ? ConfusionCounts.At(outcomes, t) : null,
            both ? RocCurve.Compute(outcomes) : []);
    }
}
