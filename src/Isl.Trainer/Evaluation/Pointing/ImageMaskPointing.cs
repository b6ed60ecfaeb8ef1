using Isl.Model.Heatmaps;
using Isl.Model.Preprocessing;
using Isl.Trainer.Data;

namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>
/// The pointing game on image folders with lesion masks, laid out like <c>ct-ich-dev</c>: an image
/// <c>&lt;root&gt;/&lt;top&gt;/&lt;rest&gt;.&lt;ext&gt;</c> has its mask at <c>&lt;root&gt;/masks/&lt;rest&gt;.png</c> (nonzero = lesion,
/// same size as the image), e.g. <c>scans/077/30.jpg</c> ↔ <c>masks/077/30.png</c>. A slice hits when its heatmap maximum
/// lies inside its mask; a scan hits when the maximum over all its scored slices lies inside a lesion. Tallied overall
/// and per label column the scan carries (e.g. hemorrhage subtypes).
/// </summary>
public static class ImageMaskPointing
{
    /// <summary>The mask of image <paramref name="imagePath"/> under the nearest ancestor holding a <c>masks</c> folder, or null.</summary>
    public static string? MaskPathOf(string imagePath)
    {
        var full = Path.GetFullPath(imagePath);
        for (var root = Path.GetDirectoryName(Path.GetDirectoryName(full)); root is not null; root = Path.GetDirectoryName(root))
        {
            var masks = Path.Combine(root, PngDatasetPreparer.MasksFolder);
            if (!Directory.Exists(masks))
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, full).Replace('\\', '/').Split('/');
            var rest = string.Join('/', relative[1..]);
            var candidate = Path.Combine(masks, Path.ChangeExtension(rest, ".png"));
            return File.Exists(candidate) ? candidate : null;
        }

        return null;
    }

    /// <summary>
    /// Plays the game for <paramref name="entries"/> and their heatmap peaks; <paramref name="labelNames"/> name the
    /// entries' label columns. With each slice's <paramref name="strengths"/> (<see cref="Isl.Model.Scoring.ScanResult.HeatmapStrengths"/>)
    /// every lesion slice's <see cref="PointingSlice"/> also says how strong the heatmap was on the lesion.
    /// </summary>
    public static PointingSummary Play(IReadOnlyList<SliceEntry> entries, IReadOnlyList<HeatmapPeak> peaks, IReadOnlyList<string> labelNames, IReadOnlyList<float[]>? strengths = null)
    {
        if (entries.Count != peaks.Count || strengths is not null && strengths.Count != peaks.Count)
        {
            throw new ArgumentException("Every slice needs its heatmap peak (and its strength map, when given).", nameof(peaks));
        }

        var lesions = new List<PointingSlice>();
        var tallies = new Dictionary<string, (int Scans, int ScanHits, int Slices, int SliceHits)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var scan in Enumerable.Range(0, entries.Count).GroupBy(i => entries[i].Scan, StringComparer.Ordinal))
        {
            var slices = scan.Select(i => (Index: i, Peak: peaks[i], Mask: LoadMask(entries[i].Source))).ToArray();
            var bearing = slices.Where(s => s.Mask is { } m && m.Pixels.AsSpan().ContainsAnyExcept((byte)0)).ToArray();
            if (bearing.Length == 0)
            {
                continue;
            }

            var played = bearing.Select(s => PointingSlice.Of(entries[s.Index], s.Peak, strengths?[s.Index], s.Mask!.Value.Pixels, s.Mask.Value.Rows, s.Mask.Value.Columns)).ToArray();
            lesions.AddRange(played);
            var top = slices.MaxBy(s => s.Peak.Strength);
            var scanHit = top.Mask is { } topMask && top.Peak.Hits(topMask.Pixels, topMask.Rows, topMask.Columns);
            var sliceHits = played.Count(p => p.Hit);
            var labels = entries[scan.First()].Labels;
            var groups = new[] { Evaluator.AllDisorders }
                .Concat(labels is null ? [] : labelNames.Where((_, c) => c < labels.Count && labels[c]))
                .Distinct(StringComparer.Ordinal);
            foreach (var group in groups)
            {
                if (!tallies.TryGetValue(group, out var t))
                {
                    order.Add(group);
                }

                tallies[group] = (t.Scans + 1, t.ScanHits + (scanHit ? 1 : 0), t.Slices + bearing.Length, t.SliceHits + sliceHits);
            }
        }

        if (order.Count == 0)
        {
            throw new TrainerException("--pointing found no lesion mask for any scored slice (masks/<rest>.png beside the images' top folder).");
        }

        return new PointingSummary(order.Select(g => new PointingTally(g, tallies[g].Scans, tallies[g].ScanHits, tallies[g].Slices, tallies[g].SliceHits)).ToArray())
        {
            Lesions = lesions,
        };
    }

    private static (byte[] Pixels, int Rows, int Columns)? LoadMask(string imagePath)
    {
        if (MaskPathOf(imagePath) is not { } path)
        {
            return null;
        }

        var image = PngSliceLoader.Load(path);
        return (image.Pixels.Select(v => v > 0 ? (byte)1 : (byte)0).ToArray(), image.Rows, image.Columns);
    }
}
