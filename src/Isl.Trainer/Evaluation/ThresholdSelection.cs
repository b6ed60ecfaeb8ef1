namespace Isl.Trainer.Evaluation;

/// <summary>Chooses decision thresholds from calibration scores.</summary>
public static class ThresholdSelection
{
    /// <summary>The rule name of <see cref="MaximiseHarmonicMean"/>.</summary>
    public const string HarmonicMeanRule = "harmonic-mean";

    /// <summary>The rule name of <see cref="AtSpecificity"/>.</summary>
    public const string SpecificityTargetRule = "specificity-target";

    /// <summary>
    /// The paper's rule: the cut that maximises the harmonic mean of sensitivity and specificity on a labelled
    /// set. Every cut between two neighbouring distinct scores is tried; the threshold is placed midway between
    /// them so that it generalises rather than sitting on a calibration score. Ties in the harmonic mean go to
    /// the higher specificity.
    /// </summary>
    public static ThresholdChoice MaximiseHarmonicMean(BinaryOutcomes outcomes)
    {
        outcomes.RequireBothClasses("The harmonic-mean threshold rule");
        var distinct = outcomes.Scores.Distinct().OrderBy(s => s).ToArray();
        ThresholdChoice? best = null;
        for (var k = 0; k <= distinct.Length; k++)
        {
            var threshold = CutBetween(distinct, k);
            var counts = ConfusionCounts.At(outcomes, threshold);
            if (best is null || counts.HarmonicMean > best.Counts.HarmonicMean
                || (counts.HarmonicMean == best.Counts.HarmonicMean && counts.Specificity > best.Counts.Specificity))
            {
                best = new ThresholdChoice(threshold, HarmonicMeanRule, counts);
            }
        }

        return best!;
    }

    /// <summary>
    /// The lowest threshold whose specificity on <paramref name="normalScores"/> reaches
    /// <paramref name="targetSpecificity"/> (for sites that have only normal studies to calibrate on).
    /// </summary>
    public static ThresholdChoice AtSpecificity(IReadOnlyList<double> normalScores, double targetSpecificity)
    {
        if (normalScores.Count == 0)
        {
            throw new TrainerException("The specificity-target rule needs at least one normal score.");
        }

        if (targetSpecificity is <= 0 or > 1)
        {
            throw new TrainerException($"The target specificity must be in (0, 1]; got {targetSpecificity}.");
        }

        var outcomes = new BinaryOutcomes(normalScores, new bool[normalScores.Count]);
        var distinct = normalScores.Distinct().OrderBy(s => s).ToArray();
        for (var k = 1; k <= distinct.Length; k++)
        {
            var threshold = CutBetween(distinct, k);
            var counts = ConfusionCounts.At(outcomes, threshold);
            if (counts.Specificity >= targetSpecificity - 1e-12)
            {
                return new ThresholdChoice(threshold, SpecificityTargetRule, counts);
            }
        }

        throw new InvalidOperationException("Unreachable: the cut above the highest score has specificity 1.");
    }

    // The cut with the k lowest distinct scores below it: midway between neighbours, just outside at the ends.
    private static double CutBetween(double[] distinct, int k)
    {
        if (k == 0)
        {
            return distinct[0];
        }

        if (k == distinct.Length)
        {
            var top = distinct[^1];
            return top + Math.Max(Math.Abs(top) * 1e-9, 1e-12);
        }

        return distinct[k - 1] + ((distinct[k] - distinct[k - 1]) / 2);
    }
}
