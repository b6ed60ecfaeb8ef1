namespace Isl.Reports;

/// <summary>One CT slice the model scored, with its slice score.</summary>
/// <param name="Image">The slice (for a slab of thin slices: the displayed one, its central source slice).</param>
/// <param name="Score">The slice's anomaly score (finite).</param>
public sealed record ScoredSlice(SourceImage Image, double Score)
{
    /// <summary>
    /// The source slices this score was computed from when the model scored a slab (thin slices averaged to the model's
    /// thickness); the report references them all. Empty: <see cref="Image"/> alone.
    /// </summary>
    public IReadOnlyList<SourceImage> Sources { get; init; } = [];
}
