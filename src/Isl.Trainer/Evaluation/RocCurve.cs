namespace Isl.Trainer.Evaluation;

/// <summary>The empirical ROC curve: one point per distinct score, from (0,0) to (1,1); tied scores make a diagonal step.</summary>
public static class RocCurve
{
    /// <summary>The curve's points in order of falling threshold.</summary>
    public static IReadOnlyList<RocPoint> Compute(BinaryOutcomes outcomes)
    {
        outcomes.RequireBothClasses("A ROC curve");
        var order = Enumerable.Range(0, outcomes.Count).OrderByDescending(i => outcomes.Scores[i]).ToArray();
        var points = new List<RocPoint> { new(0, 0, double.PositiveInfinity) };
        int tp = 0, fp = 0;
        var k = 0;
        while (k < order.Length)
        {
            var threshold = outcomes.Scores[order[k]];
            while (k < order.Length && outcomes.Scores[order[k]] == threshold)
            {
                if (outcomes.Disorders[order[k]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                k++;
            }

            points.Add(new RocPoint((double)fp / outcomes.NegativeCount, (double)tp / outcomes.PositiveCount, threshold));
        }

        return points;
    }

    /// <summary>The trapezoidal area under <paramref name="points"/> (equals the Mann–Whitney AUROC).</summary>
    public static double Area(IReadOnlyList<RocPoint> points)
    {
        double area = 0;
        for (var i = 1; i < points.Count; i++)
        {
            area += (points[i].FalsePositiveRate - points[i - 1].FalsePositiveRate) * (points[i].TruePositiveRate + points[i - 1].TruePositiveRate) / 2;
        }

        return area;
    }
}
