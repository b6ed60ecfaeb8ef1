using SkiaSharp;

namespace Isl.Trainer.Tests.Support;

/// <summary>Writes tiny labelled PNG sets laid out like kaggle-head-ct-dev: normal/, disorder/ and labels.csv.</summary>
internal static class SyntheticPngSet
{
    /// <summary>Writes <paramref name="normals"/> smooth "heads" and <paramref name="disorders"/> heads with a bright blob.</summary>
    public static void Write(string root, int normals, int disorders, int size = 64, int seed = 1)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(Path.Combine(root, "normal"));
        Directory.CreateDirectory(Path.Combine(root, "disorder"));
        using var labels = new StreamWriter(Path.Combine(root, "labels.csv"));
        labels.WriteLine("path,disorder");
        for (var i = 0; i < normals + disorders; i++)
        {
            var isDisorder = i >= normals;
            var relative = $"{(isDisorder ? "disorder" : "normal")}/{i:D3}.png";
            WriteHead(Path.Combine(root, relative), size + random.Next(0, 9), size, random, isDisorder);
            labels.WriteLine($"{relative},{(isDisorder ? 1 : 0)}");
        }
    }

    /// <summary>Writes a gray PNG from a generator of byte values.</summary>
    public static void WriteGray(string path, int width, int height, Func<int, int, byte> value) => Write(path, width, height, value, SKEncodedImageFormat.Png);

    /// <summary>Writes a gray JPEG from a generator of byte values.</summary>
    public static void WriteJpeg(string path, int width, int height, Func<int, int, byte> value) => Write(path, width, height, value, SKEncodedImageFormat.Jpeg);

    private static void Write(string path, int width, int height, Func<int, int, byte> value, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = value(x, y);
                bitmap.SetPixel(x, y, new SKColor(v, v, v));
            }
        }

        using var data = bitmap.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static void WriteHead(string path, int width, int height, Random random, bool blob)
    {
        var cx = (width / 2.0) + random.Next(-2, 3);
        var cy = (height / 2.0) + random.Next(-2, 3);
        var rx = width * 0.38;
        var ry = height * 0.42;
        var bx = cx + random.Next(-8, 9);
        var by = cy + random.Next(-8, 9);
        var noise = random.Next();
        WriteGray(path, width, height, (x, y) =>
        {
            var d = Math.Pow((x - cx) / rx, 2) + Math.Pow((y - cy) / ry, 2);
            double v = d > 1.0 ? 0 : d > 0.8 ? 250 : 90 + (20 * Math.Sin((x + noise % 7) * 0.4) * Math.Cos(y * 0.3));
            if (blob && d < 0.8 && Math.Pow(x - bx, 2) + Math.Pow(y - by, 2) < 36)
            {
                v = 200;
            }

            return (byte)Math.Clamp(v, 0, 255);
        });
    }
}
