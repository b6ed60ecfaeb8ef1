using System.Text.Json.Serialization;

namespace Isl.Model.Heatmaps;

/// <summary>Heatmap post-processing of the difference image (paper §heatmap): threshold, box smoothing, exponential enhancement.</summary>
public sealed record HeatmapSettings
{
    /// <summary>Threshold t: difference values below it are zeroed.</summary>
    [JsonPropertyName("threshold")]
    public double Threshold { get; init; } = 0.1;

    /// <summary>Box size s (odd) of the s×s smoothing.</summary>
    [JsonPropertyName("smoothing")]
    public int Smoothing { get; init; } = 5;

    /// <summary>Enhancement strength β: H = (exp(β·m) − 1) / (exp(β) − 1), which keeps [0, 1] and stresses strong residues.</summary>
    [JsonPropertyName("enhancement")]
    public double Enhancement { get; init; } = 4.0;

    /// <summary>Throws when the settings are unusable.</summary>
    public void Validate()
    {
        if (Threshold < 0 || Threshold >= 1 || Smoothing < 1 || Smoothing % 2 == 0 || Enhancement <= 0)
        {
            throw new IslModelException("Heatmap needs 0 ≤ t < 1, an odd smoothing size ≥ 1 and a positive enhancement.");
        }
    }
}
