namespace Isl.Trainer.Evaluation;

/// <summary>How slice scores become a scan score: the paper's mean, or the mean of the k highest slices.</summary>
/// <param name="TopK">0 for the plain mean (the paper); k &gt; 0 for the mean of the k highest slice scores.</param>
public sealed record ScanPooling(int TopK = 0)
{
    /// <summary>The paper's pooling.</summary>
    public static ScanPooling Mean { get; } = new();

    /// <summary>A short name for reports: <c>mean</c> or <c>top-k mean (k=3)</c>.</summary>
    public string Name => TopK > 0 ? $"top-k mean (k={TopK})" : "mean";

    /// <summary>Pools one scan's slice scores.</summary>
    public double Pool(IEnumerable<double> sliceScores)
    {
        var scores = sliceScores.ToArray();
        if (scores.Length == 0)
        {
            throw new TrainerException("A scan without slice scores cannot be pooled.");
        }

        return TopK > 0 ? scores.OrderByDescending(s => s).Take(TopK).Average() : scores.Average();
    }
}
