namespace Isl.Reports.Rendering;

/// <summary>
/// Windowed CT in gray with the heatmap blended over it where the heat is above the minimum (nowhere else), and a contour
/// where it crosses that minimum, as interleaved 8-bit RGB of the slice's size.
/// </summary>
internal static class HeatmapCompositor
{
    /// <summary>The contour's colour: magenta, which the jet-like ramp never produces.</summary>
    public static readonly (byte R, byte G, byte B) ContourColor = (255, 0, 255);

    public static byte[] Compose(HeatmapSlice slice, HeatmapRenderOptions options)
    {
        int rows = slice.Image.Rows, columns = slice.Image.Columns;
        var heat = Upsample(slice);
        var rgb = new byte[rows * columns * 3];
        var low = options.WindowCenter - (options.WindowWidth / 2);
        var span = Math.Max(1e-9, 1 - options.MinimumHeat);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var index = (y * columns) + x;
                var gray = Window(slice.Hounsfield[index], low, options.WindowWidth);
                var h = heat[index];
                var (r, g, b) = (gray, gray, gray);
                if (h > options.MinimumHeat)
                {
                    if (options.Contour && IsEdge(heat, columns, rows, x, y, options.MinimumHeat))
                    {
                        (r, g, b) = ContourColor;
                    }
                    else
                    {
                        var strength = Math.Clamp((h - options.MinimumHeat) / span, 0, 1);
                        var alpha = Math.Clamp(options.MinimumOpacity + ((options.MaximumOpacity - options.MinimumOpacity) * strength), 0, 1);
                        var color = HeatmapColorMap.At(h);
                        (r, g, b) = (Blend(gray, color.R, alpha), Blend(gray, color.G, alpha), Blend(gray, color.B, alpha));
                    }
                }

                rgb[index * 3] = r;
                rgb[(index * 3) + 1] = g;
                rgb[(index * 3) + 2] = b;
            }
        }

        return rgb;
    }

    /// <summary>The 8-bit gray of <paramref name="hu"/> in the window [low, low + width] (linear, clamped).</summary>
    public static byte Window(double hu, double low, double width) =>
        double.IsNaN(hu) ? (byte)0 : (byte)Math.Round(Math.Clamp((hu - low) / width, 0, 1) * 255);

    // A pixel above the minimum with a 4-neighbour at or below it (or the image border) lies on the contour.
    private static bool IsEdge(double[] heat, int columns, int rows, int x, int y, double minimum) =>
        x == 0 || y == 0 || x == columns - 1 || y == rows - 1
        || heat[(y * columns) + x - 1] <= minimum || heat[(y * columns) + x + 1] <= minimum
        || heat[((y - 1) * columns) + x] <= minimum || heat[((y + 1) * columns) + x] <= minimum;

    /// <summary>The heat at the centre of every output pixel, bilinear in the heatmap's grid, clamped to 0..1.</summary>
    private static double[] Upsample(HeatmapSlice slice)
    {
        int rows = slice.Image.Rows, columns = slice.Image.Columns;
        int hw = slice.HeatmapColumns, hh = slice.HeatmapRows;
        var map = slice.Heatmap;
        var heat = new double[rows * columns];
        for (var y = 0; y < rows; y++)
        {
            var fy = Math.Clamp(((y + 0.5) * hh / rows) - 0.5, 0, hh - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, hh - 1);
            var ty = fy - y0;
            for (var x = 0; x < columns; x++)
            {
                var fx = Math.Clamp(((x + 0.5) * hw / columns) - 0.5, 0, hw - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, hw - 1);
                var tx = fx - x0;
                var top = (Value(map[(y0 * hw) + x0]) * (1 - tx)) + (Value(map[(y0 * hw) + x1]) * tx);
                var bottom = (Value(map[(y1 * hw) + x0]) * (1 - tx)) + (Value(map[(y1 * hw) + x1]) * tx);
                heat[(y * columns) + x] = (top * (1 - ty)) + (bottom * ty);
            }
        }

        return heat;
    }

    private static double Value(float heat) => float.IsNaN(heat) ? 0 : Math.Clamp(heat, 0, 1);

    private static byte Blend(byte under, byte over, double alpha) => (byte)Math.Round((under * (1 - alpha)) + (over * alpha));
}
