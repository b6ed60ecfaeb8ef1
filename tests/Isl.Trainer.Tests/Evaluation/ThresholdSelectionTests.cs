using Isl.Trainer.Evaluation;

namespace Isl.Trainer.Tests.Evaluation;

public sealed class ThresholdSelectionTests
{
    [Fact]
    public void HarmonicMeanPicksTheBestCutOnAToySet()
    {
        // Normals 1,2,3,6; disorders 4,5,7.
        // Cut between 3 and 4 (t = 3.5): sens 3/3, spec 3/4 → hm 0.857 — the best;
        // t = 5.5: sens 1/3, spec 3/4 → 0.46; t = 6.5: sens 1/3, spec 1 → 0.5; t = 2.5: sens 1, spec 1/2 → 0.667.
        var outcomes = new BinaryOutcomes([1, 2, 3, 6, 4, 5, 7], [false, false, false, false, true, true, true]);
        var choice = ThresholdSelection.MaximiseHarmonicMean(outcomes);
        Assert.Equal(3.5, choice.Threshold, 12);
        Assert.Equal(ThresholdSelection.HarmonicMeanRule, choice.Rule);
        Assert.Equal(new ConfusionCounts(3, 1, 3, 0), choice.Counts);
        Assert.Equal(1.0, choice.Counts.Sensitivity);
        Assert.Equal(0.75, choice.Counts.Specificity);
        Assert.Equal(2 * 0.75 / 1.75, choice.Counts.HarmonicMean, 12);
    }

    [Fact]
    public void HarmonicMeanSeparatesPerfectlySeparableScores()
    {
        var outcomes = new BinaryOutcomes([0.1, 0.2, 0.9, 1.1], [false, false, true, true]);
        var choice = ThresholdSelection.MaximiseHarmonicMean(outcomes);
        Assert.Equal(0.55, choice.Threshold, 12);
        Assert.Equal(1.0, choice.Counts.HarmonicMean);
    }

    [Fact]
    public void SpecificityTargetOnNormalsOnly()
    {
        double[] normals = [0.5, 0.1, 0.4, 0.3, 0.2, 0.6, 0.7, 0.8, 0.9, 1.0];
        var choice = ThresholdSelection.AtSpecificity(normals, 0.9);
        Assert.Equal(0.95, choice.Threshold, 12);
        Assert.Equal(0.9, choice.Counts.Specificity, 12);
        Assert.Equal(ThresholdSelection.SpecificityTargetRule, choice.Rule);

        var all = ThresholdSelection.AtSpecificity(normals, 1.0);
        Assert.True(all.Threshold > 1.0);
        Assert.Equal(1.0, all.Counts.Specificity);
    }

    [Fact]
    public void SpecificityTargetStepsOverTies()
    {
        // 80% needs 4 of 5 normals below the cut, but the 4th and 5th are tied: only the top cut reaches it.
        var choice = ThresholdSelection.AtSpecificity([1, 2, 3, 4, 4], 0.8);
        Assert.True(choice.Threshold > 4);
        Assert.Equal(1.0, choice.Counts.Specificity);
    }

    [Fact]
    public void BadRequestsAreClearErrors()
    {
        Assert.Throws<TrainerException>(() => ThresholdSelection.AtSpecificity([], 0.9));
        Assert.Throws<TrainerException>(() => ThresholdSelection.AtSpecificity([1.0], 1.5));
        Assert.Throws<TrainerException>(() => ThresholdSelection.MaximiseHarmonicMean(new BinaryOutcomes([1, 2], [true, true])));
    }

    [Fact]
    public void RocCurveStepsThroughEveryDistinctScore()
    {
        var outcomes = new BinaryOutcomes([0.9, 0.7, 0.7, 0.2], [true, true, false, false]);
        var points = RocCurve.Compute(outcomes);
        Assert.Equal(
            [(0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0)],
            points.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)).ToArray());
        Assert.Equal(0.875, RocCurve.Area(points), 12);
    }
}
