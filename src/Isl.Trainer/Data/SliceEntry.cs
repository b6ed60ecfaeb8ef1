namespace Isl.Trainer.Data;

/// <summary>One slice in a slice cache.</summary>
/// <param name="Id">A stable name, unique in the cache: the labels-file path of a PNG, or <c>&lt;study&gt;/&lt;sop instance uid&gt;</c>.</param>
/// <param name="Scan">The scan (study) the slice belongs to; scan-level scores pool the slices of one scan.</param>
/// <param name="Source">The file the slice came from.</param>
/// <param name="SliceIndex">The position of the slice in its scan along the slice normal (0 = first).</param>
/// <param name="Labels">One flag per label column of the cache (true = disorder), or null when unlabelled.</param>
public sealed record SliceEntry(string Id, string Scan, string Source, int SliceIndex, IReadOnlyList<bool>? Labels)
{
    /// <summary>True when a label says disorder.</summary>
    public bool IsDisorder => Labels?.Any(l => l) == true;
}
