using SkiaSharp;

namespace Isl.PacsAgent.Tests.Viewer;

/// <summary>
/// Finds heatmap colour in a screenshot of a viewport showing one heatmap image: saturated pixels (max − min channel
/// above a limit) inside the image's CT area, above its banner margin, in the image's own pixel coordinates. Where the
/// image lies on the screenshot is given (the viewer's own mapping), not assumed: a viewer may keep an image fitted to
/// an older, smaller viewport while a side panel slides over its canvas.
/// </summary>
public sealed class ScreenshotColour
{
    private ScreenshotColour(int count, double column, double row, double left, double top, double right, double bottom, double shareInside)
    {
        Count = count;
        ShareInside = shareInside;
        (CentroidColumn, CentroidRow) = (column, row);
        (Left, Top, Right, Bottom) = (left, top, right, bottom);
    }

    /// <summary>How many saturated screen pixels lie over the CT area.</summary>
    public int Count { get; }

    /// <summary>The share of the screen pixels over the region given to <see cref="Measure"/> that are coloured (NaN without one).</summary>
    public double ShareInside { get; }

    /// <summary>Their centroid's column in the CT image (0 at its left).</summary>
    public double CentroidColumn { get; }

    /// <summary>Their centroid's row in the CT image (0 at its top).</summary>
    public double CentroidRow { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Left { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Top { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Right { get; }

    /// <summary>Their bounding box in CT image coordinates.</summary>
    public double Bottom { get; }

    /// <summary>Measures <paramref name="png"/>, a viewport showing an image of <paramref name="columns"/> × (<paramref name="ctRows"/> + banner).</summary>
    /// <param name="png">The screenshot.</param>
    /// <param name="placement">Where the image's top-left corner lies on the screenshot (pixels) and how many screenshot pixels one image pixel spans.</param>
    /// <param name="columns">The image's width.</param>
    /// <param name="ctRows">The CT part's height (the banner margin lies below it).</param>
    /// <param name="region">Whether a CT pixel (column, row) belongs to the region whose coloured share is measured (e.g. a lesion mask).</param>
    /// <param name="covered">Screenshot rectangles where the viewer's own controls lie over the canvas (side panels, the cine
    /// player OHIF floats over the top of OT series, overlays): not counted, they are not the image.</param>
    /// <param name="saturation">The max − min channel difference above which a pixel counts as coloured.</param>
    public static ScreenshotColour Measure(byte[] png, (double Left, double Top, double Scale) placement, int columns, int ctRows, Func<int, int, bool>? region = null, IReadOnlyList<(double Left, double Top, double Right, double Bottom)>? covered = null, int saturation = 60)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("The screenshot is not a PNG.");
        var (x0, y0, scale) = placement;
        int count = 0, boxPixels = 0, boxColoured = 0;
        double sumX = 0, sumY = 0, left = double.MaxValue, top = double.MaxValue, right = double.MinValue, bottom = double.MinValue;
        // A small inset keeps the viewport's own border and corner overlays out of the count.
        var inset = 4 * scale;
        for (var y = Math.Max(0, (int)Math.Ceiling(y0 + inset)); y < Math.Min(bitmap.Height, (int)(y0 + ((ctRows - 2) * scale))); y++)
        {
            for (var x = Math.Max(0, (int)Math.Ceiling(x0 + inset)); x < Math.Min(bitmap.Width, (int)(x0 + (columns * scale) - inset)); x++)
            {
                if (covered is not null && covered.Any(c => x >= c.Left && x < c.Right && y >= c.Top && y < c.Bottom))
                {
                    continue;
                }

                var p = bitmap.GetPixel(x, y);
                var (column, row) = ((x - x0) / scale, (y - y0) / scale);
                var coloured = Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue)) > saturation;
                if (region is not null && row >= 0 && column >= 0 && row < ctRows && column < columns && region((int)column, (int)row))
                {
                    boxPixels++;
                    boxColoured += coloured ? 1 : 0;
                }

                if (!coloured)
                {
                    continue;
                }

                count++;
                (sumX, sumY) = (sumX + column, sumY + row);
                (left, top, right, bottom) = (Math.Min(left, column), Math.Min(top, row), Math.Max(right, column), Math.Max(bottom, row));
            }
        }

        var share = boxPixels == 0 ? double.NaN : (double)boxColoured / boxPixels;
        return count == 0
            ? new ScreenshotColour(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, share)
            : new ScreenshotColour(count, sumX / count, sumY / count, left, top, right, bottom, share);
    }

    /// <inheritdoc />
    public override string ToString() =>
        (Count == 0 ? "no colour" : $"{Count} coloured pixels, centroid ({CentroidColumn:0},{CentroidRow:0}), box ({Left:0},{Top:0})-({Right:0},{Bottom:0})")
        + (double.IsNaN(ShareInside) ? "" : $", {ShareInside:P0} of the given region coloured");
}
