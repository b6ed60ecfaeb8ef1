using System.Globalization;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// What the study record and the SR say about how a series was scored: slabs of thin slices, slices the model did not
/// score, instances left out as unreadable.
/// </summary>
public static class ScoringNotes
{
    /// <summary>The notes of a scored series, in the order the SR and the study record list them.</summary>
    public static IReadOnlyList<string> Of(SeriesScore score, SelectedSeries series)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(series);
        var notes = new List<string>();
        if (score.SlabThicknessMm is { } slab)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{score.Slices.Sum(s => s.Sources.Count)} slices of {series.SliceThicknessMm:0.###} mm scored as {score.Slices.Count} slabs of {slab:0.##} mm (HU averaged along the slice normal)"));
        }

        var notScored = score.Slices.Count(s => !s.Scored);
        if (notScored > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{notScored} of {score.Slices.Count} {(score.SlabThicknessMm is null ? "slices" : "slabs")} not scored (too little intracranial area)"));
        }

        notes.AddRange(score.Skipped.Select(s => $"instance {s.SopInstanceUid} left out: it could not be read ({s.Reason})"));
        return notes;
    }
}
