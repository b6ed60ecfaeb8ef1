using SkiaSharp;

namespace Isl.Reports.Rendering;

/// <summary>
/// Renders the banner strip that goes below a heatmap image (in its own margin, so it never covers the head): text lines
/// on the left and a small colour bar of the heatmap's ramp on the right. Its height depends only on the width and the
/// number of lines, so every image of a series is the same size.
/// </summary>
internal static class BannerRenderer
{
    private const double CharacterWidthEm = 0.602; // DejaVu Sans Mono advance width per em
    private const int CharactersPerLine = 44;
    private const double TextShare = 0.74; // the rest of the width holds the colour bar

    /// <summary>The strip's height in rows for an image <paramref name="columns"/> wide with <paramref name="lineCount"/> lines.</summary>
    public static int Height(int columns, int lineCount) => (LineHeight(FontSize(columns)) * Math.Max(1, lineCount)) + 6;

    /// <summary>The strip as interleaved RGB, <paramref name="columns"/> × <see cref="Height"/>.</summary>
    public static byte[] Render(int columns, IReadOnlyList<(string Text, SKColor Color)> lines)
    {
        var fontSize = FontSize(columns);
        var lineHeight = LineHeight(fontSize);
        var height = Height(columns, lines.Count);
        using var strip = new SKBitmap(new SKImageInfo(columns, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(strip))
        using (var font = new SKFont(EmbeddedFont.Typeface, fontSize) { Edging = SKFontEdging.Antialias })
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(SKColors.Black);
            var textWidth = (float)((columns * TextShare) - 6);
            for (var i = 0; i < lines.Count; i++)
            {
                paint.Color = lines[i].Color;
                var measured = font.MeasureText(lines[i].Text);
                using var fitted = new SKFont(EmbeddedFont.Typeface, measured > textWidth ? fontSize * textWidth / measured : fontSize) { Edging = SKFontEdging.Antialias };
                canvas.DrawText(lines[i].Text, 4, 3 + (lineHeight * i) + fontSize, SKTextAlign.Left, fitted, paint);
            }

            DrawColourBar(canvas, columns, height, fontSize);
        }

        return RgbBitmaps.ToRgb(strip);
    }

    private static void DrawColourBar(SKCanvas canvas, int columns, int height, float fontSize)
    {
        var left = (float)(columns * TextShare) + 2;
        var right = columns - 4f;
        if (right - left < 8)
        {
            return;
        }

        var top = height * 0.2f;
        var bottom = height * 0.5f;
        using var paint = new SKPaint { IsAntialias = false };
        for (var x = (int)left; x < (int)right; x++)
        {
            var (r, g, b) = HeatmapColorMap.At((x - left + 0.5) / (right - left));
            paint.Color = new SKColor(r, g, b);
            canvas.DrawRect(x, top, 1, bottom - top, paint);
        }

        using var font = new SKFont(EmbeddedFont.Typeface, Math.Max(5, fontSize * 0.75f)) { Edging = SKFontEdging.Antialias };
        using var text = new SKPaint { IsAntialias = true, Color = SKColors.White };
        canvas.DrawText("low", left, bottom + font.Size + 1, SKTextAlign.Left, font, text);
        canvas.DrawText("high", right, bottom + font.Size + 1, SKTextAlign.Right, font, text);
        canvas.DrawText("heat", (left + right) / 2, top - 2, SKTextAlign.Center, font, text);
    }

    private static float FontSize(int columns) => (float)Math.Clamp(((columns * TextShare) - 8) / (CharactersPerLine * CharacterWidthEm), 6, 28);

    private static int LineHeight(float fontSize) => (int)Math.Ceiling(fontSize * 1.3);
}
