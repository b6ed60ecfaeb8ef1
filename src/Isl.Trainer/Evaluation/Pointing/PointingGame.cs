using Isl.Model.Heatmaps;
using Isl.Trainer.Data;

namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>
/// The pointing game on phantom studies: does the heatmap's maximum fall inside the ground-truth lesion mask?
/// Counted per lesion-bearing scan (maximum over all its slices) and per lesion-bearing slice, overall, per lesion
/// type and per size class.
/// </summary>
public static class PointingGame
{
    /// <summary>
    /// Plays the game for <paramref name="entries"/> (from a DICOM slice cache of phantom studies) and their heatmap
    /// peaks; with their <paramref name="strengths"/> each lesion slice's <see cref="PointingSlice"/> also says how strong
    /// the heatmap was on the lesion.
    /// </summary>
    public static PointingSummary Play(IReadOnlyList<SliceEntry> entries, IReadOnlyList<HeatmapPeak> peaks, IReadOnlyList<float[]>? strengths = null)
    {
        if (entries.Count != peaks.Count || strengths is not null && strengths.Count != peaks.Count)
        {
            throw new ArgumentException("Every slice needs its heatmap peak (and its strength map, when given).", nameof(peaks));
        }

        var rows = new List<PointingSlice>();
        var tallies = new Dictionary<string, (int Scans, int ScanHits, int Slices, int SliceHits)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var scan in Enumerable.Range(0, entries.Count).GroupBy(i => entries[i].Scan, StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(entries[scan.First()].Source)
                ?? throw new TrainerException($"Slice {entries[scan.First()].Id} has no source folder.");
            var truth = PhantomStudyTruth.Read(folder);
            var lesions = truth.VisiblePrimaryLesions.ToArray();
            if (truth.IsNormal || lesions.Length == 0)
            {
                continue;
            }

            var groups = new[] { Evaluator.AllDisorders }
                .Concat(lesions.Select(l => l.Type).Distinct())
                .Concat(lesions.Select(l => SizeGroup(l.Size)).Distinct())
                .ToArray();
            var slices = scan.Select(i => (Index: i, Peak: peaks[i], Mask: truth.MaskOf(entries[i].Source))).ToArray();
            var top = slices.MaxBy(s => s.Peak.Strength);
            var scanHit = top.Peak.Hits(top.Mask, truth.Rows, truth.Columns);
            var bearing = slices.Where(s => s.Mask.AsSpan().ContainsAnyExcept((byte)0)).ToArray();
            var played = bearing.Select(s => PointingSlice.Of(entries[s.Index], s.Peak, strengths?[s.Index], s.Mask, truth.Rows, truth.Columns)).ToArray();
            rows.AddRange(played);
            var sliceHits = played.Count(p => p.Hit);
            foreach (var group in groups)
            {
                if (!tallies.TryGetValue(group, out var t))
                {
                    order.Add(group);
                }

                tallies[group] = (t.Scans + 1, t.ScanHits + (scanHit ? 1 : 0), t.Slices + bearing.Length, t.SliceHits + sliceHits);
            }
        }

        return new PointingSummary(order
            .Select(g => new PointingTally(g, tallies[g].Scans, tallies[g].ScanHits, tallies[g].Slices, tallies[g].SliceHits))
            .ToArray())
        {
            Lesions = rows,
        };
    }

    /// <summary>The label column name of a size class.</summary>
    public static string SizeGroup(string size) => $"size-{size}";
}
