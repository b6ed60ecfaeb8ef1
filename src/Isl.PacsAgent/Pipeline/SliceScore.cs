namespace Isl.PacsAgent.Pipeline;

/// <summary>The model's output for one slice.</summary>
/// <param name="SopInstanceUid">The scored CT slice.</param>
/// <param name="Score">The slice anomaly score.</param>
/// <param name="Heatmap">The processed anomaly map (row-major, <paramref name="Rows"/> × <paramref name="Columns"/>, 0..1), if any.</param>
/// <param name="Rows">Heatmap rows.</param>
/// <param name="Columns">Heatmap columns.</param>
public sealed record SliceScore(string SopInstanceUid, double Score, float[]? Heatmap, int Rows, int Columns);
