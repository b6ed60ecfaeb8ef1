namespace Isl.Model.Training;

/// <summary>One progress report from a trainer.</summary>
/// <param name="Phase">What is running (e.g. "dedn", "drn-pretrain", "drn").</param>
/// <param name="Step">Steps done in this phase.</param>
/// <param name="TotalSteps">Steps planned for this phase.</param>
/// <param name="Losses">Loss figures of the last step, by name.</param>
public sealed record TrainingProgress(string Phase, int Step, int TotalSteps, IReadOnlyDictionary<string, double> Losses);
