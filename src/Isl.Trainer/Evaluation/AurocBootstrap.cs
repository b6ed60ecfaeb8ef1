namespace Isl.Trainer.Evaluation;

/// <summary>
/// The paper's AUROC confidence interval: draw a 30% subsample of the test set 1000 times, compute the AUROC of
/// each, and take the percentiles. Subsamples are drawn without replacement and stratified by class (30% of the
/// normals and 30% of the disorders, at least one of each) so that every subsample has an AUROC. Seeded: the
/// same inputs and seed give the same interval.
/// </summary>
public static class AurocBootstrap
{
    /// <summary>The paper's subsample share.</summary>
    public const double PaperSampleFraction = 0.3;

    /// <summary>The paper's number of subsamples.</summary>
    public const int PaperIterations = 1000;

    /// <summary>Computes the AUROC and its percentile interval.</summary>
    public static ConfidenceInterval Compute(BinaryOutcomes outcomes, int seed = 0, double sampleFraction = PaperSampleFraction, int iterations = PaperIterations, double level = 0.95)
    {
        outcomes.RequireBothClasses("The AUROC bootstrap");
        if (sampleFraction is <= 0 or > 1)
        {
            throw new TrainerException($"The bootstrap sample fraction must be in (0, 1]; got {sampleFraction}.");
        }

        if (iterations < 1)
        {
            throw new TrainerException($"The bootstrap needs at least one iteration; got {iterations}.");
        }

        if (level is <= 0 or >= 1)
        {
            throw new TrainerException($"The confidence level must be in (0, 1); got {level}.");
        }

        var positives = Enumerable.Range(0, outcomes.Count).Where(i => outcomes.Disorders[i]).ToArray();
        var negatives = Enumerable.Range(0, outcomes.Count).Where(i => !outcomes.Disorders[i]).ToArray();
        var takePositives = Math.Max(1, (int)Math.Round(positives.Length * sampleFraction));
        var takeNegatives = Math.Max(1, (int)Math.Round(negatives.Length * sampleFraction));
        var random = new Random(seed);
        var values = new double[iterations];
        var subsample = new int[takePositives + takeNegatives];
        for (var it = 0; it < iterations; it++)
        {
            DrawInto(random, positives, takePositives, subsample, 0);
            DrawInto(random, negatives, takeNegatives, subsample, takePositives);
            values[it] = Auroc.Compute(outcomes.Scores, outcomes.Disorders, subsample);
        }

        Array.Sort(values);
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(Auroc.Compute(outcomes), Percentile(values, tail), Percentile(values, 1 - tail), level, iterations, sampleFraction, seed);
    }

    /// <summary>The linearly interpolated percentile of sorted values (the common "type 7" definition).</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    // A partial Fisher–Yates shuffle: the first `take` of a fresh permutation of `pool`.
    private static void DrawInto(Random random, int[] pool, int take, int[] target, int offset)
    {
        var copy = (int[])pool.Clone();
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
            target[offset + i] = copy[i];
        }
    }
}
