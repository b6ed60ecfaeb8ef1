namespace Isl.Model.Scoring;

/// <summary>Thrown when no slice of a scan has enough intracranial area to be scored (e.g. a neck-only or vertex-only stack).</summary>
public sealed class NoScorableSliceException(string message) : IslModelException(message);
