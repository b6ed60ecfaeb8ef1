using SkiaSharp;

namespace Isl.Reports.Rendering;

/// <summary>Copies between interleaved 8-bit RGB buffers (the DICOM pixel layout) and Skia bitmaps.</summary>
internal static class RgbBitmaps
{
    /// <summary>An opaque RGBA bitmap of <paramref name="rgb"/> (<paramref name="columns"/> × <paramref name="rows"/>); the caller disposes it.</summary>
    public static SKBitmap ToBitmap(ReadOnlySpan<byte> rgb, int columns, int rows)
    {
        var bitmap = new SKBitmap(new SKImageInfo(columns, rows, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var target = bitmap.GetPixelSpan();
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var from = ((y * columns) + x) * 3;
                var to = (y * bitmap.RowBytes) + (x * 4);
                target[to] = rgb[from];
                target[to + 1] = rgb[from + 1];
                target[to + 2] = rgb[from + 2];
                target[to + 3] = 255;
            }
        }

        return bitmap;
    }

    /// <summary>The interleaved RGB of an RGBA8888 <paramref name="bitmap"/>.</summary>
    public static byte[] ToRgb(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var from = (y * bitmap.RowBytes) + (x * 4);
                var to = ((y * bitmap.Width) + x) * 3;
                rgb[to] = pixels[from];
                rgb[to + 1] = pixels[from + 1];
                rgb[to + 2] = pixels[from + 2];
            }
        }

        return rgb;
    }
}
