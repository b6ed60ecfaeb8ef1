namespace Isl.PacsAgent.Pipeline;

/// <summary>The model's output for one slice, or for one slab of thin slices averaged to the model's thickness.</summary>
/// <param name="SopInstanceUid">The scored CT slice (for a slab: its central source slice, the one displayed).</param>
/// <param name="Score">The slice anomaly score.</param>
/// <param name="Heatmap">The processed anomaly map (row-major, <paramref name="Rows"/> × <paramref name="Columns"/>, 0..1), if any.</param>
/// <param name="Rows">Heatmap rows.</param>
/// <param name="Columns">Heatmap columns.</param>
public sealed record SliceScore(string SopInstanceUid, double Score, float[]? Heatmap, int Rows, int Columns)
{
    /// <summary>The source slices of a slab, in slice order; empty: <see cref="SopInstanceUid"/> alone.</summary>
    public IReadOnlyList<string> SourceSopInstanceUids { get; init; } = [];

    /// <summary>
    /// False when the model did not score the slice (too little intracranial area): its score does not count, it gets no
    /// heatmap and never carries the region.
    /// </summary>
    public bool Scored { get; init; } = true;

    /// <summary>
    /// Where the slice's heatmap evidence is strongest inside its heatmap area (in heatmap pixels), also when nothing is
    /// coloured; null without a heatmap.
    /// </summary>
    public Isl.Model.Heatmaps.HeatmapPeak? Peak { get; init; }

    /// <summary>The slices this score stands for: the slab's sources, or the slice itself.</summary>
    public IReadOnlyList<string> Sources => SourceSopInstanceUids.Count > 0 ? SourceSopInstanceUids : [SopInstanceUid];
}
