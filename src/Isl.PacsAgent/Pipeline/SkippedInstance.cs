namespace Isl.PacsAgent.Pipeline;

/// <summary>An instance of the selected series that could not be read at scoring time and was left out.</summary>
/// <param name="SopInstanceUid">The instance.</param>
/// <param name="Reason">Why it could not be read.</param>
public sealed record SkippedInstance(string SopInstanceUid, string Reason);
