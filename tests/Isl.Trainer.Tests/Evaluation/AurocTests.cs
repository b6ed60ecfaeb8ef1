using Isl.Trainer.Evaluation;

namespace Isl.Trainer.Tests.Evaluation;

public sealed class AurocTests
{
    [Fact]
    public void PerfectSeparationIsOne()
    {
        var outcomes = new BinaryOutcomes([0.1, 0.2, 0.8, 0.9], [false, false, true, true]);
        Assert.Equal(1.0, Auroc.Compute(outcomes), 12);
    }

    [Fact]
    public void ReversedSeparationIsZero()
    {
        var outcomes = new BinaryOutcomes([0.9, 0.8, 0.2, 0.1], [false, false, true, true]);
        Assert.Equal(0.0, Auroc.Compute(outcomes), 12);
    }

    [Fact]
    public void MatchesHandCountedPairs()
    {
        // Positives {0.35, 0.8, 0.9}, negatives {0.1, 0.4, 0.5, 0.85}.
        // Pairs won by the positive: 0.35 beats 0.1 (1); 0.8 beats 0.1,0.4,0.5 (3); 0.9 beats all 4 (4) → 8 of 12.
        var outcomes = new BinaryOutcomes([0.1, 0.35, 0.4, 0.5, 0.8, 0.85, 0.9], [false, true, false, false, true, false, true]);
        Assert.Equal(8.0 / 12.0, Auroc.Compute(outcomes), 12);
    }

    [Fact]
    public void TiesCountOneHalf()
    {
        // Positives {0.5, 0.7}, negatives {0.5, 0.2, 0.7}.
        // 0.5 vs {0.5 tie, 0.2 win, 0.7 loss} = 1.5; 0.7 vs {0.5 win, 0.2 win, 0.7 tie} = 2.5 → 4 of 6.
        var outcomes = new BinaryOutcomes([0.5, 0.5, 0.2, 0.7, 0.7], [true, false, false, true, false]);
        Assert.Equal(4.0 / 6.0, Auroc.Compute(outcomes), 12);
    }

    [Fact]
    public void AllScoresTiedIsOneHalf()
    {
        var outcomes = new BinaryOutcomes([3.0, 3.0, 3.0, 3.0], [true, false, true, false]);
        Assert.Equal(0.5, Auroc.Compute(outcomes), 12);
    }

    [Fact]
    public void AgreesWithTheTrapezoidalRocArea()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 200).Select(_ => Math.Round(random.NextDouble(), 1)).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s).ToArray();
        var outcomes = new BinaryOutcomes(scores, labels);
        Assert.Equal(Auroc.Compute(outcomes), RocCurve.Area(RocCurve.Compute(outcomes)), 10);
    }

    [Fact]
    public void OneClassOnlyIsAClearError()
    {
        var ex = Assert.Throws<TrainerException>(() => Auroc.Compute(new BinaryOutcomes([0.1, 0.2], [false, false])));
        Assert.Contains("both normal and disorder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchedLengthsAndNonFiniteScoresAreClearErrors()
    {
        Assert.Throws<TrainerException>(() => new BinaryOutcomes([0.1, 0.2], [false]));
        Assert.Throws<TrainerException>(() => new BinaryOutcomes([0.1, double.NaN], [false, true]));
    }
}
