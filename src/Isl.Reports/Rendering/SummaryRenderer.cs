using System.Globalization;
using SkiaSharp;

namespace Isl.Reports.Rendering;

/// <summary>
/// The body of the heatmap series' summary image: the most suspicious slices side by side (heatmap composites, each
/// captioned with its position and score) above the per-slice score curve with the threshold, the paper's score
/// distribution along the scan.
/// </summary>
internal static class SummaryRenderer
{
    private static readonly SKColor Above = new(255, 80, 80);
    private static readonly SKColor ThresholdColor = new(255, 170, 0);

    /// <summary>Interleaved RGB, <paramref name="columns"/> × <paramref name="rows"/>.</summary>
    /// <param name="columns">The body's width.</param>
    /// <param name="rows">The body's height.</param>
    /// <param name="tiles">The most suspicious slices, most suspicious first.</param>
    /// <param name="curve">Every scored slice's score in series order.</param>
    /// <param name="threshold">The decision threshold drawn across the curve.</param>
    public static byte[] Render(int columns, int rows, IReadOnlyList<SummaryTile> tiles, IReadOnlyList<double> curve, double threshold)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(columns, rows, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            var fontSize = Math.Clamp(columns / 32f, 6, 20);
            // The tiles start below a free top band, where viewers float their own controls (OHIF's cine player, overlays).
            var freeTop = (int)(rows * 0.08);
            var tileArea = (int)(rows * 0.56);
            DrawTiles(canvas, columns, freeTop, tileArea - freeTop, fontSize, tiles, threshold);
            DrawCurve(canvas, SKRect.Create(0, tileArea, columns, rows - tileArea), fontSize, curve, threshold, tiles.Select(t => t.Position).ToHashSet());
        }

        return RgbBitmaps.ToRgb(bitmap);
    }

    private static void DrawTiles(SKCanvas canvas, int columns, int top, int height, float fontSize, IReadOnlyList<SummaryTile> tiles, double threshold)
    {
        if (tiles.Count == 0)
        {
            return;
        }

        var caption = fontSize * 1.4f;
        var slot = (float)columns / tiles.Count;
        using var font = new SKFont(EmbeddedFont.Typeface, fontSize) { Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < tiles.Count; i++)
        {
            var tile = tiles[i];
            using var bitmap = RgbBitmaps.ToBitmap(tile.Rgb, tile.Columns, tile.Rows);
            using var image = SKImage.FromBitmap(bitmap);
            var scale = Math.Min((slot - 4) / tile.Columns, (height - caption - 4) / tile.Rows);
            var (w, h) = (tile.Columns * scale, tile.Rows * scale);
            var x = (i * slot) + ((slot - w) / 2);
            canvas.DrawImage(image, SKRect.Create(x, top + 2, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
            paint.Color = tile.Score >= threshold ? Above : SKColors.White;
            var text = string.Create(CultureInfo.InvariantCulture, $"slice {tile.Position}: {tile.Score:0.000}");
            canvas.DrawText(text, (i * slot) + (slot / 2), top + 2 + h + fontSize + 2, SKTextAlign.Center, font, paint);
        }
    }

    private static void DrawCurve(SKCanvas canvas, SKRect area, float fontSize, IReadOnlyList<double> curve, double threshold, HashSet<int> marked)
    {
        using var font = new SKFont(EmbeddedFont.Typeface, fontSize) { Edging = SKFontEdging.Antialias };
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.White };
        canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"slice scores along the scan; threshold {threshold:0.000}"), area.Left + 4, area.Top + fontSize + 2, SKTextAlign.Left, font, text);
        if (curve.Count == 0)
        {
            return;
        }

        var plot = new SKRect(area.Left + (fontSize * 3.5f), area.Top + (fontSize * 2), area.Right - 8, area.Bottom - (fontSize * 1.6f));
        var top = Math.Max(curve.Max(), threshold) * 1.15;
        var bottom = Math.Min(0, curve.Min());
        float X(int i) => curve.Count == 1 ? plot.MidX : plot.Left + (plot.Width * i / (curve.Count - 1));
        float Y(double v) => (float)(plot.Bottom - (plot.Height * (v - bottom) / Math.Max(1e-12, top - bottom)));

        using var axis = new SKPaint { IsAntialias = true, Color = new SKColor(110, 110, 110), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        canvas.DrawRect(plot, axis);
        canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"{top:0.00}"), plot.Left - 2, plot.Top + (fontSize / 2), SKTextAlign.Right, font, text);
        canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"{bottom:0.00}"), plot.Left - 2, plot.Bottom, SKTextAlign.Right, font, text);
        canvas.DrawText("1", plot.Left, plot.Bottom + fontSize + 2, SKTextAlign.Left, font, text);
        canvas.DrawText(curve.Count.ToString(CultureInfo.InvariantCulture), plot.Right, plot.Bottom + fontSize + 2, SKTextAlign.Right, font, text);

        using var dashes = SKPathEffect.CreateDash([6, 4], 0);
        using var limit = new SKPaint { IsAntialias = true, Color = ThresholdColor, StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke, PathEffect = dashes };
        canvas.DrawLine(plot.Left, Y(threshold), plot.Right, Y(threshold), limit);

        using var line = new SKPaint { IsAntialias = true, Color = SKColors.White, StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke };
        using var path = new SKPath();
        for (var i = 0; i < curve.Count; i++)
        {
            if (i == 0)
            {
                path.MoveTo(X(i), Y(curve[i]));
            }
            else
            {
                path.LineTo(X(i), Y(curve[i]));
            }
        }

        canvas.DrawPath(path, line);
        using var dot = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var i = 0; i < curve.Count; i++)
        {
            dot.Color = curve[i] >= threshold ? Above : SKColors.White;
            canvas.DrawCircle(X(i), Y(curve[i]), marked.Contains(i + 1) ? 4 : 2, dot);
        }
    }
}
