using System.Text.Json.Serialization;

namespace Isl.Model.Drn;

/// <summary>How slice scores become a scan score: the mean (paper) or the mean of the top-k slices.</summary>
public sealed record ScanPooling
{
    /// <summary>"mean" or "topk".</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = "mean";

    /// <summary>k for top-k.</summary>
    [JsonPropertyName("k")]
    public int K { get; init; } = 3;

    /// <summary>Pools the slice scores.</summary>
    public double Pool(IReadOnlyList<double> sliceScores)
    {
        if (sliceScores.Count == 0)
        {
            throw new IslModelException("A scan needs at least one slice to score.");
        }

        return Mode switch
        {
            "mean" => sliceScores.Average(),
            "topk" when K >= 1 => sliceScores.OrderByDescending(s => s).Take(K).Average(),
            _ => throw new IslModelException($"Unknown scan pooling '{Mode}' (k={K}): use mean or topk with k ≥ 1."),
        };
    }
}
