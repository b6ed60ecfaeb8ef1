using SkiaSharp;

namespace Isl.PacsAgent.Tests.Viewer;

/// <summary>
/// Finds heatmap colour in a screenshot of a viewport showing one heatmap image fitted into it (centred, aspect kept):
/// saturated pixels (max − min channel above a limit) inside the image's CT area, below its banner margin, in the
/// image's own pixel coordinates.
/// </summary>
public sealed class ScreenshotColour
{
    private ScreenshotColour(int count, double column, double row, double left, double top, double right, double bottom)
    {
        Count = count;
        (CentroidColumn, CentroidRow) = (column, row);
        (Left, Top, Right, Bottom) = (left, top, right, bottom);
    }

    /// <summary>How many saturated screen pixels lie over the CT area.</summary>
    public int Count { get; }

    /// <summary>Their centroid's column in the CT image (0 at its left).</summary>
    public double CentroidColumn { get; }

    /// <summary>Their centroid's row in the CT image (0 at the first row below the banner).</summary>
    public double CentroidRow { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Left { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Top { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Right { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Bottom { get; }

    /// <summary>Measures <paramref name="png"/>, a viewport showing an image of <paramref name="columns"/> × (<paramref name="bannerRows"/> + <paramref name="ctRows"/>).</summary>
    public static ScreenshotColour Measure(byte[] png, int columns, int bannerRows, int ctRows, int saturation = 60)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("The screenshot is not a PNG.");
        var rows = bannerRows + ctRows;
        var scale = Math.Min((double)bitmap.Width / columns, (double)bitmap.Height / rows);
        var x0 = (bitmap.Width - (columns * scale)) / 2;
        var y0 = (bitmap.Height - (rows * scale)) / 2;
        int count = 0;
        double sumX = 0, sumY = 0, left = double.MaxValue, top = double.MaxValue, right = double.MinValue, bottom = double.MinValue;
        // A small inset keeps the viewport's own border and corner overlays out of the count.
        var inset = 4 * scale;
        for (var y = (int)Math.Ceiling(y0 + ((bannerRows + 2) * scale)); y < (int)(y0 + (rows * scale) - inset); y++)
        {
            for (var x = (int)Math.Ceiling(x0 + inset); x < (int)(x0 + (columns * scale) - inset); x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue)) <= saturation)
                {
                    continue;
                }

                var (column, row) = ((x - x0) / scale, ((y - y0) / scale) - bannerRows);
                count++;
                (sumX, sumY) = (sumX + column, sumY + row);
                (left, top, right, bottom) = (Math.Min(left, column), Math.Min(top, row), Math.Max(right, column), Math.Max(bottom, row));
            }
        }

        return count == 0
            ? new ScreenshotColour(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new ScreenshotColour(count, sumX / count, sumY / count, left, top, right, bottom);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Count == 0 ? "no colour" : $"{Count} coloured pixels, centroid ({CentroidColumn:0},{CentroidRow:0}), box ({Left:0},{Top:0})-({Right:0},{Bottom:0})";
}
