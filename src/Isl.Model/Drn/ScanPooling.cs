using System.Text.Json.Serialization;

namespace Isl.Model.Drn;

/// <summary>How slice scores become a scan score: the mean (the paper), the mean of the top-k slices, or the maximum.</summary>
public sealed record ScanPooling
{
    /// <summary>"mean", "topk" or "max".</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = "mean";

    /// <summary>k for top-k.</summary>
    [JsonPropertyName("k")]
    public int K { get; init; } = 3;

    /// <summary>The paper's pooling.</summary>
    public static ScanPooling Mean { get; } = new();

    /// <summary>The highest slice score.</summary>
    public static ScanPooling Max { get; } = new() { Mode = "max" };

    /// <summary>A short name for reports: <c>mean</c>, <c>max</c> or <c>top-k mean (k=3)</c>.</summary>
    [JsonIgnore]
    public string Name => Mode == "topk" ? $"top-k mean (k={K})" : Mode;

    /// <summary>The mean of the <paramref name="k"/> highest slice scores.</summary>
    public static ScanPooling TopK(int k) => new() { Mode = "topk", K = k };

    /// <summary>Parses <c>mean</c>, <c>max</c> or <c>topk</c> (with <paramref name="k"/>, default 3).</summary>
    public static ScanPooling Parse(string mode, int k = 0) => mode.Trim().ToLowerInvariant() switch
    {
        "mean" => Mean,
        "max" => Max,
        "topk" or "top-k" => TopK(k > 0 ? k : 3),
        _ => throw new IslModelException($"Unknown scan pooling '{mode}': use mean, max or topk."),
    };

    /// <summary>Pools the slice scores.</summary>
    public double Pool(IEnumerable<double> scores)
    {
        var sliceScores = scores as IReadOnlyList<double> ?? scores.ToList();
        if (sliceScores.Count == 0)
        {
            throw new IslModelException("A scan needs at least one slice to score.");
        }

        return Mode switch
        {
            "mean" => sliceScores.Average(),
            "topk" when K >= 1 => sliceScores.OrderByDescending(s => s).Take(K).Average(),
            "max" => sliceScores.Max(),
            _ => throw new IslModelException($"Unknown scan pooling '{Mode}' (k={K}): use mean, max or topk with k ≥ 1."),
        };
    }
}
