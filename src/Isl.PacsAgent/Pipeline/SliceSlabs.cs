using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// Groups the slices of a thin series into slabs of a given thickness along the slice normal, so that a 0.625 mm series
/// is scored like its 5 mm reconstruction.
/// </summary>
public static class SliceSlabs
{
    /// <summary>
    /// Consecutive groups of <paramref name="slices"/> (ordered along the normal) that share the series' extent evenly:
    /// as many slabs as the extent holds slabs of <paramref name="slabThicknessMm"/> (rounded), each about that thick. By
    /// position along the normal when every slice has one (uneven spacing and gantry tilt included), else by count.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<InstanceHeader> slices, double sliceThicknessMm, double slabThicknessMm)
    {
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0)
        {
            return [];
        }

        var positions = Positions(slices);
        double[] offsets;
        double extent;
        if (positions is not null && slices.Count > 1)
        {
            var gaps = positions.Zip(positions.Skip(1), (a, b) => b - a).Order().ToList();
            offsets = positions.Select(p => p - positions[0]).ToArray();
            extent = offsets[^1] + gaps[gaps.Count / 2];
        }
        else
        {
            offsets = Enumerable.Range(0, slices.Count).Select(i => i * sliceThicknessMm).ToArray();
            extent = slices.Count * sliceThicknessMm;
        }

        var count = Math.Clamp((int)Math.Round(extent / slabThicknessMm), 1, slices.Count);
        var width = extent / count;
        var groups = new List<List<int>>();
        var bin = -1;
        for (var i = 0; i < slices.Count; i++)
        {
            var current = Math.Min(count - 1, (int)Math.Floor((offsets[i] / width) + 1e-6));
            if (current != bin)
            {
                groups.Add([]);
                bin = current;
            }

            groups[^1].Add(i);
        }

        return groups;
    }

    private static double[]? Positions(IReadOnlyList<InstanceHeader> slices)
    {
        if (slices[0].ImageOrientationPatient is not { Count: 6 } o || slices.Any(s => s.ImagePositionPatient is not { Count: 3 }))
        {
            return null;
        }

        var n = (X: (o[1] * o[5]) - (o[2] * o[4]), Y: (o[2] * o[3]) - (o[0] * o[5]), Z: (o[0] * o[4]) - (o[1] * o[3]));
        var length = Math.Sqrt((n.X * n.X) + (n.Y * n.Y) + (n.Z * n.Z));
        if (length < 1e-6)
        {
            return null;
        }

        var positions = slices.Select(s => ((s.ImagePositionPatient![0] * n.X) + (s.ImagePositionPatient[1] * n.Y) + (s.ImagePositionPatient[2] * n.Z)) / length).ToArray();
        return positions.Zip(positions.Skip(1), (a, b) => b >= a).All(up => up) ? positions : null;
    }
}
