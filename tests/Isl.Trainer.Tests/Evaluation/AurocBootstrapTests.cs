using Isl.Trainer.Evaluation;

namespace Isl.Trainer.Tests.Evaluation;

public sealed class AurocBootstrapTests
{
    private static BinaryOutcomes NoisySet(int seed, int count = 120)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, count).Select(i => i % 3 == 0).ToArray();
        var scores = labels.Select(l => (l ? 1.0 : 0.0) + (random.NextDouble() * 1.6)).ToArray();
        return new BinaryOutcomes(scores, labels);
    }

    [Fact]
    public void IntervalContainsThePointEstimate()
    {
        var outcomes = NoisySet(1);
        var ci = AurocBootstrap.Compute(outcomes, seed: 42);
        Assert.Equal(Auroc.Compute(outcomes), ci.Estimate, 12);
        Assert.InRange(ci.Estimate, ci.Lower, ci.Upper);
        Assert.True(ci.Lower < ci.Upper, $"a noisy set should give a non-empty interval, got [{ci.Lower}, {ci.Upper}]");
        Assert.InRange(ci.Lower, 0.0, 1.0);
        Assert.InRange(ci.Upper, 0.0, 1.0);
        Assert.Equal(1000, ci.Iterations);
        Assert.Equal(0.3, ci.SampleFraction);
    }

    [Fact]
    public void SameSeedGivesTheSameInterval_OtherSeedsResample()
    {
        var outcomes = NoisySet(2);
        var a = AurocBootstrap.Compute(outcomes, seed: 5);
        var b = AurocBootstrap.Compute(outcomes, seed: 5);
        Assert.Equal(a, b);
        var others = Enumerable.Range(6, 5).Select(seed => AurocBootstrap.Compute(outcomes, seed: seed)).ToArray();
        Assert.Contains(others, c => (c.Lower, c.Upper) != (a.Lower, a.Upper));
    }

    [Fact]
    public void PerfectSeparationGivesADegenerateIntervalAtOne()
    {
        var outcomes = new BinaryOutcomes([0.1, 0.2, 0.3, 0.4, 0.8, 0.9], [false, false, false, false, true, true]);
        var ci = AurocBootstrap.Compute(outcomes, seed: 1, iterations: 50);
        Assert.Equal((1.0, 1.0, 1.0), (ci.Estimate, ci.Lower, ci.Upper));
    }

    [Fact]
    public void PercentileInterpolatesLinearly()
    {
        double[] sorted = [0, 10, 20, 30, 40];
        Assert.Equal(0, AurocBootstrap.Percentile(sorted, 0));
        Assert.Equal(40, AurocBootstrap.Percentile(sorted, 1));
        Assert.Equal(5, AurocBootstrap.Percentile(sorted, 0.125), 12);
        Assert.Equal(20, AurocBootstrap.Percentile(sorted, 0.5), 12);
    }

    [Fact]
    public void BadParametersAreClearErrors()
    {
        var outcomes = NoisySet(3, 12);
        Assert.Throws<TrainerException>(() => AurocBootstrap.Compute(outcomes, sampleFraction: 0));
        Assert.Throws<TrainerException>(() => AurocBootstrap.Compute(outcomes, iterations: 0));
        Assert.Throws<TrainerException>(() => AurocBootstrap.Compute(outcomes, level: 1));
    }
}
