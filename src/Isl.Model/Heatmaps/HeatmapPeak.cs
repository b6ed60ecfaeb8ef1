namespace Isl.Model.Heatmaps;

/// <summary>
/// Where a slice's heatmap evidence is strongest: the maximum of its strength map (the heatmap itself in the paper's
/// mode; the z-score over the normal statistics in calibrated mode, so a slice without colour still has a peak).
/// </summary>
/// <param name="Value">The maximum heatmap value (display map) at that position.</param>
/// <param name="Row">Its row in the heatmap (0 = top).</param>
/// <param name="Column">Its column.</param>
/// <param name="Size">The heatmap's side in pixels.</param>
public readonly record struct HeatmapPeak(float Value, int Row, int Column, int Size)
{
    /// <summary>The strength map's value at the peak (the z-score in calibrated mode; else <see cref="Value"/>): what ranks slices against each other.</summary>
    public float Strength { get; init; } = Value;

    /// <summary>The first maximum of a square row-major heatmap of side <paramref name="size"/>.</summary>
    public static HeatmapPeak Of(ReadOnlySpan<float> map, int size)
    {
        if (size <= 0 || map.Length != size * size)
        {
            throw new IslModelException($"A heatmap of {map.Length} values is not {size}×{size}.");
        }

        var best = 0;
        for (var i = 1; i < map.Length; i++)
        {
            if (map[i] > map[best])
            {
                best = i;
            }
        }

        return new HeatmapPeak(map[best], best / size, best % size, size);
    }

    /// <summary>
    /// <paramref name="strength"/> inside <paramref name="area"/> (&gt; 0.5) and <see cref="float.NegativeInfinity"/>
    /// elsewhere: the strength map restricted to where the heatmap may show colour.
    /// </summary>
    public static float[] InsideArea(ReadOnlySpan<float> strength, ReadOnlySpan<float> area)
    {
        if (area.Length != strength.Length)
        {
            throw new IslModelException($"A strength map of {strength.Length} values needs an area of as many, not {area.Length}.");
        }

        var inside = new float[strength.Length];
        for (var i = 0; i < inside.Length; i++)
        {
            inside[i] = area[i] > 0.5f ? strength[i] : float.NegativeInfinity;
        }

        return inside;
    }

    /// <summary>
    /// The position of the largest value of <paramref name="inside"/> (a strength map with
    /// <see cref="float.NegativeInfinity"/> where the heatmap may not show colour, see <see cref="InsideArea"/>), with
    /// the display <paramref name="map"/>'s value there; the display map's own maximum when nothing may show colour.
    /// </summary>
    public static HeatmapPeak OfInside(ReadOnlySpan<float> map, ReadOnlySpan<float> inside, int size)
    {
        if (size <= 0 || map.Length != size * size || inside.Length != map.Length)
        {
            throw new IslModelException($"A heatmap of {map.Length} values is not {size}×{size} with its strength map.");
        }

        var best = -1;
        for (var i = 0; i < map.Length; i++)
        {
            if (!float.IsNegativeInfinity(inside[i]) && (best < 0 || inside[i] > inside[best]))
            {
                best = i;
            }
        }

        return best < 0 ? Of(map, size) : new HeatmapPeak(map[best], best / size, best % size, size) { Strength = inside[best] };
    }

    /// <summary>
    /// True when the peak's pixel covers a lesion voxel of <paramref name="mask"/> (rows×columns, 0 = no lesion),
    /// mapping it back through the preprocessing's centred square padding and resize.
    /// </summary>
    public bool Hits(ReadOnlySpan<byte> mask, int rows, int columns)
    {
        var side = Math.Max(rows, columns);
        int top = (side - rows) / 2, left = (side - columns) / 2;
        var scale = (double)side / Size;
        int r0 = Math.Max(0, (int)Math.Floor(Row * scale) - top), r1 = Math.Min(rows, (int)Math.Ceiling((Row + 1) * scale) - top);
        int c0 = Math.Max(0, (int)Math.Floor(Column * scale) - left), c1 = Math.Min(columns, (int)Math.Ceiling((Column + 1) * scale) - left);
        for (var r = r0; r < r1; r++)
        {
            if (mask.Slice((r * columns) + c0, Math.Max(0, c1 - c0)).ContainsAnyExcept((byte)0))
            {
                return true;
            }
        }

        return false;
    }
}
