namespace Isl.Phantoms.Output;

/// <summary>
/// Renders HU slices as a windowed montage (PNG, RGB): one row per study, one tile per slice,
/// lesion mask outlines in colour when a mask is given, so a person can judge realism.
/// </summary>
public static class MontageRenderer
{
    private static readonly (byte R, byte G, byte B)[] OutlineColours =
    [
        (255, 40, 40), (40, 220, 60), (60, 140, 255), (255, 200, 0), (255, 60, 255), (0, 230, 230),
    ];

    /// <summary>Renders rows of tiles; every tile is one HU slice (<paramref name="size"/>×<paramref name="size"/>) shown in the window.</summary>
    /// <param name="rows">Per row, its tiles: HU values and an optional mask of the same size.</param>
    /// <param name="size">Width and height of each source slice.</param>
    /// <param name="downsample">Integer reduction factor per tile (2 turns 512 into 256).</param>
    /// <param name="windowCenter">Window centre (HU), 40 for brain.</param>
    /// <param name="windowWidth">Window width (HU), 80 for brain.</param>
    public static byte[] Render(IReadOnlyList<IReadOnlyList<(short[] Hu, byte[]? Mask)>> rows, int size, int downsample = 2, double windowCenter = 40, double windowWidth = 80)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows.Any(r => r.Count == 0) || downsample < 1)
        {
            throw new ArgumentException("A montage needs at least one tile per row and a positive downsample factor.", nameof(rows));
        }

        var tile = size / downsample;
        const int gap = 4;
        var columns = rows.Max(r => r.Count);
        var width = (columns * tile) + ((columns - 1) * gap);
        var height = (rows.Count * tile) + ((rows.Count - 1) * gap);
        var rgb = new byte[width * height * 3];
        var low = windowCenter - (windowWidth / 2);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                var (hu, mask) = rows[r][c];
                var x0 = c * (tile + gap);
                var y0 = r * (tile + gap);
                for (var y = 0; y < tile; y++)
                {
                    for (var x = 0; x < tile; x++)
                    {
                        double sum = 0;
                        for (var dy = 0; dy < downsample; dy++)
                        {
                            for (var dx = 0; dx < downsample; dx++)
                            {
                                sum += hu[(((y * downsample) + dy) * size) + (x * downsample) + dx];
                            }
                        }

                        var value = (byte)Math.Clamp(Math.Round(((sum / (downsample * downsample)) - low) / windowWidth * 255), 0, 255);
                        var o = ((((y0 + y) * width) + x0 + x) * 3);
                        (rgb[o], rgb[o + 1], rgb[o + 2]) = (value, value, value);
                        if (mask is not null && IsOutline(mask, size, x * downsample, y * downsample, downsample) is > 0 and var label)
                        {
                            var colour = OutlineColours[(label - 1) % OutlineColours.Length];
                            (rgb[o], rgb[o + 1], rgb[o + 2]) = colour;
                        }
                    }
                }
            }
        }

        return PngEncoder.Encode(rgb, width, height, 3);
    }

    private static byte IsOutline(byte[] mask, int size, int x, int y, int step)
    {
        var label = mask[(y * size) + x];
        if (label == 0)
        {
            return 0;
        }

        foreach (var (dx, dy) in new[] { (-step, 0), (step, 0), (0, -step), (0, step) })
        {
            var nx = x + dx;
            var ny = y + dy;
            if (nx < 0 || ny < 0 || nx >= size || ny >= size || mask[(ny * size) + nx] != label)
            {
                return label;
            }
        }

        return 0;
    }
}
