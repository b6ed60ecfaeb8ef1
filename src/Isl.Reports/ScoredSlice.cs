namespace Isl.Reports;

/// <summary>One CT slice the model scored, with its slice score.</summary>
/// <param name="Image">The slice.</param>
/// <param name="Score">The slice's anomaly score (finite).</param>
public sealed record ScoredSlice(SourceImage Image, double Score);
