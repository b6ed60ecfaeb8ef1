namespace Isl.Reports.Rendering;

/// <summary>Windowed CT in gray with the heatmap blended over it, as interleaved 8-bit RGB.</summary>
internal static class HeatmapCompositor
{
    public static byte[] Compose(HeatmapSlice slice, HeatmapRenderOptions options)
    {
        int rows = slice.Image.Rows, columns = slice.Image.Columns;
        var rgb = new byte[rows * columns * 3];
        var low = options.WindowCenter - (options.WindowWidth / 2);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var index = (y * columns) + x;
                var gray = Window(slice.Hounsfield[index], low, options.WindowWidth);
                var heat = Sample(slice, x, y);
                var (r, g, b) = (gray, gray, gray);
                if (heat >= options.MinimumHeat && heat > 0)
                {
                    var alpha = options.MaximumOpacity * (heat - options.MinimumHeat) / Math.Max(1e-9, 1 - options.MinimumHeat);
                    alpha = Math.Clamp(alpha, 0, 1);
                    var color = HeatmapColorMap.At(heat);
                    (r, g, b) = (Blend(gray, color.R, alpha), Blend(gray, color.G, alpha), Blend(gray, color.B, alpha));
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

    /// <summary>The heat at the centre of output pixel (x, y), bilinear in the heatmap's grid, clamped to 0..1.</summary>
    private static double Sample(HeatmapSlice slice, int x, int y)
    {
        int hw = slice.HeatmapColumns, hh = slice.HeatmapRows;
        var fx = Math.Clamp(((x + 0.5) * hw / slice.Image.Columns) - 0.5, 0, hw - 1);
        var fy = Math.Clamp(((y + 0.5) * hh / slice.Image.Rows) - 0.5, 0, hh - 1);
        int x0 = (int)fx, y0 = (int)fy;
        int x1 = Math.Min(x0 + 1, hw - 1), y1 = Math.Min(y0 + 1, hh - 1);
        double tx = fx - x0, ty = fy - y0;
        var map = slice.Heatmap;
        var top = (Value(map[(y0 * hw) + x0]) * (1 - tx)) + (Value(map[(y0 * hw) + x1]) * tx);
        var bottom = (Value(map[(y1 * hw) + x0]) * (1 - tx)) + (Value(map[(y1 * hw) + x1]) * tx);
        return (top * (1 - ty)) + (bottom * ty);
    }

    private static double Value(float heat) => float.IsNaN(heat) ? 0 : Math.Clamp(heat, 0, 1);

    private static byte Blend(byte under, byte over, double alpha) => (byte)Math.Round((under * (1 - alpha)) + (over * alpha));
}
