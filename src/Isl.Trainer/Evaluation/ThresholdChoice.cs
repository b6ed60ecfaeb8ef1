namespace Isl.Trainer.Evaluation;

/// <summary>A chosen decision threshold and how it performs on the set it was chosen on.</summary>
/// <param name="Threshold">Scores at or above it are called disorders.</param>
/// <param name="Rule">How it was chosen: <c>harmonic-mean</c> or <c>specificity-target</c>.</param>
/// <param name="Counts">The confusion matrix at the threshold on the calibration set.</param>
public sealed record ThresholdChoice(double Threshold, string Rule, ConfusionCounts Counts);
