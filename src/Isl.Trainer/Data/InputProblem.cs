namespace Isl.Trainer.Data;

/// <summary>An input that was skipped, and why.</summary>
/// <param name="Path">The file, folder or labels row (e.g. <c>labels.csv:12</c>).</param>
/// <param name="Reason">What is wrong with it, in words.</param>
public sealed record InputProblem(string Path, string Reason);
