namespace Isl.Trainer.Evaluation;

/// <summary>
/// The exact area under the ROC curve, computed as the Mann–Whitney U statistic: the probability that a random
/// disorder scores above a random normal, ties counting one half.
/// </summary>
public static class Auroc
{
    /// <summary>The AUROC of <paramref name="outcomes"/>; fails when either class is absent.</summary>
    public static double Compute(BinaryOutcomes outcomes)
    {
        outcomes.RequireBothClasses("AUROC");
        return Compute(outcomes.Scores, outcomes.Disorders, Enumerable.Range(0, outcomes.Count).ToArray());
    }

    /// <summary>The AUROC of the samples at <paramref name="indices"/>; NaN when either class is absent among them.</summary>
    internal static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> disorders, int[] indices)
    {
        var order = (int[])indices.Clone();
        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            // Tied scores share the mean of the 1-based ranks start+1 .. end+1.
            var averageRank = (start + end + 2) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (disorders[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / ((double)positives * negatives);
    }
}
