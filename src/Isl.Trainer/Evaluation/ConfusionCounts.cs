using Isl.Model.Scoring;

namespace Isl.Trainer.Evaluation;

/// <summary>The confusion matrix at a threshold: a sample is called a disorder when its score is at or above it.</summary>
/// <param name="TruePositives">Disorders called disorders.</param>
/// <param name="FalsePositives">Normals called disorders.</param>
/// <param name="TrueNegatives">Normals called normal.</param>
/// <param name="FalseNegatives">Disorders called normal.</param>
public sealed record ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>TP / (TP + FN); NaN without disorders.</summary>
    public double Sensitivity => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>TN / (TN + FP); NaN without normals.</summary>
    public double Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>The harmonic mean of sensitivity and specificity (0 when both are 0).</summary>
    public double HarmonicMean
    {
        get
        {
            var (se, sp) = (Sensitivity, Specificity);
            return se + sp == 0 ? 0 : 2 * se * sp / (se + sp);
        }
    }

    /// <summary>Counts the outcomes at <paramref name="threshold"/>.</summary>
    public static ConfusionCounts At(BinaryOutcomes outcomes, double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var called = Verdict.IsAbnormal(outcomes.Scores[i], threshold);
            switch (outcomes.Disorders[i], called)
            {
                case (true, true): tp++; break;
                case (true, false): fn++; break;
                case (false, true): fp++; break;
                default: tn++; break;
            }
        }

        return new ConfusionCounts(tp, fp, tn, fn);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
