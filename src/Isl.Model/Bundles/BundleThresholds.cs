using System.Text.Json.Serialization;

namespace Isl.Model.Bundles;

/// <summary>Calibrated decision thresholds (null until calibrated).</summary>
public sealed record BundleThresholds
{
    /// <summary>Scan-score threshold: at or above it the scan is flagged abnormal.</summary>
    [JsonPropertyName("scan")]
    public double? Scan { get; init; }

    /// <summary>Slice-score threshold.</summary>
    [JsonPropertyName("slice")]
    public double? Slice { get; init; }

    /// <summary>How they were chosen (e.g. "harmonic-mean on validation", "specificity 0.95 on normals").</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }
}
