namespace Isl.Model.Scoring;

/// <summary>
/// The one decision rule of the product: a score at or above its calibrated threshold is called abnormal. The scorer's
/// <see cref="ScanResult"/>, the agent's stored triage and the trainer's confusion counts all use it.
/// </summary>
public static class Verdict
{
    /// <summary>Whether <paramref name="score"/> is called abnormal at <paramref name="threshold"/> (score ≥ threshold).</summary>
    /// <param name="score">A scan (or slice) score.</param>
    /// <param name="threshold">The decision threshold.</param>
    public static bool IsAbnormal(double score, double threshold) => score >= threshold;
}
