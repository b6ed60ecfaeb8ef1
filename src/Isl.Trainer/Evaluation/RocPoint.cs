namespace Isl.Trainer.Evaluation;

/// <summary>One point of a ROC curve.</summary>
/// <param name="FalsePositiveRate">1 − specificity.</param>
/// <param name="TruePositiveRate">Sensitivity.</param>
/// <param name="Threshold">Scores at or above it are called disorders (+∞ for the origin).</param>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
