namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// The selected series cannot be scored for a reason in the study's data, not the agent's (no slice with enough
/// intracranial area, too few readable slices): the study is recorded "not analysed" with this message, not failed.
/// </summary>
public sealed class SeriesNotScorableException(string message) : InvalidOperationException(message);
