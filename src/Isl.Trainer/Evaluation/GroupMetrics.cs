namespace Isl.Trainer.Evaluation;

/// <summary>The figures of one label group: the normals against the samples carrying that label.</summary>
/// <param name="Label">The label column, or <c>all</c> for every disorder together.</param>
/// <param name="SliceLevel">Slice-level figures; null when labels are per scan only.</param>
/// <param name="ScanLevel">Scan-level figures.</param>
public sealed record GroupMetrics(string Label, LevelMetrics? SliceLevel, LevelMetrics ScanLevel);
