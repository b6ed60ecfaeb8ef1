using SkiaSharp;

namespace Isl.Reports.Rendering;

/// <summary>Burns text lines into the top rows of an interleaved RGB image, on a black strip.</summary>
internal static class BannerRenderer
{
    private const double CharacterWidthEm = 0.602; // DejaVu Sans Mono advance width per em

    /// <summary>Draws <paramref name="lines"/> (text, colour) over the top of <paramref name="rgb"/>; returns the strip's height in rows.</summary>
    public static int Burn(byte[] rgb, int columns, int rows, IReadOnlyList<(string Text, SKColor Color)> lines)
    {
        var longest = Math.Max(1, lines.Max(l => l.Text.Length));
        var fontSize = (float)Math.Clamp((columns - 16) / (longest * CharacterWidthEm), 6, 28);
        var lineHeight = (int)Math.Ceiling(fontSize * 1.3);
        var height = Math.Min(rows, (lineHeight * lines.Count) + 4);

        using var strip = new SKBitmap(new SKImageInfo(columns, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(strip))
        using (var font = new SKFont(EmbeddedFont.Typeface, fontSize) { Edging = SKFontEdging.Antialias })
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(SKColors.Black);
            for (var i = 0; i < lines.Count; i++)
            {
                paint.Color = lines[i].Color;
                canvas.DrawText(lines[i].Text, 4, 2 + (lineHeight * i) + fontSize, SKTextAlign.Left, font, paint);
            }
        }

        var pixels = strip.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var from = (y * strip.RowBytes) + (x * 4);
                var to = ((y * columns) + x) * 3;
                rgb[to] = pixels[from];
                rgb[to + 1] = pixels[from + 1];
                rgb[to + 2] = pixels[from + 2];
            }
        }

        return height;
    }
}
