using Isl.Dicom;
using SkiaSharp;

namespace Isl.Reports;

/// <summary>Lays heatmap Secondary Capture images out on a grid and encodes it as one PNG (for demos and quick review).</summary>
public static class HeatmapMontage
{
    /// <summary>The PNG bytes of a grid of <paramref name="images"/> (8-bit RGB datasets, in order), each scaled to fit <paramref name="tileSize"/> pixels.</summary>
    /// <param name="images">Heatmap images as built by <see cref="HeatmapSecondaryCaptureBuilder"/>.</param>
    /// <param name="tileSize">The edge of each square tile in pixels.</param>
    /// <param name="columns">Tiles per row; by default about the square root of the count.</param>
    /// <exception cref="TriageReportException">No images, or an image that is not 8-bit interleaved RGB.</exception>
    public static byte[] RenderPng(IReadOnlyList<DicomDataset> images, int tileSize = 256, int? columns = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            throw new TriageReportException("A montage needs at least one image.");
        }

        if (tileSize is < 16 or > 4096 || columns is <= 0)
        {
            throw new TriageReportException($"Invalid montage layout: tile size {tileSize}, columns {columns}.");
        }

        var perRow = Math.Min(images.Count, columns ?? (int)Math.Ceiling(Math.Sqrt(images.Count)));
        var rows = (images.Count + perRow - 1) / perRow;
        using var montage = new SKBitmap(new SKImageInfo(perRow * tileSize, rows * tileSize, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(montage))
        {
            canvas.Clear(SKColors.Black);
            for (var i = 0; i < images.Count; i++)
            {
                using var tile = ToBitmap(images[i], i);
                var scale = Math.Min((float)tileSize / tile.Width, (float)tileSize / tile.Height);
                var (w, h) = (tile.Width * scale, tile.Height * scale);
                var (x, y) = ((i % perRow * tileSize) + ((tileSize - w) / 2), (i / perRow * tileSize) + ((tileSize - h) / 2));
                using var image = SKImage.FromBitmap(tile);
                canvas.DrawImage(image, SKRect.Create(x, y, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }
        }

        using var data = montage.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Writes <see cref="RenderPng"/> to <paramref name="path"/>.</summary>
    public static void WritePng(string path, IReadOnlyList<DicomDataset> images, int tileSize = 256, int? columns = null) =>
        File.WriteAllBytes(path, RenderPng(images, tileSize, columns));

    private static SKBitmap ToBitmap(DicomDataset dataset, int index)
    {
        int rows, columns;
        ReadOnlyMemory<byte> pixels;
        try
        {
            if (dataset.GetUInt16(DicomTags.SamplesPerPixel) != 3 || dataset.GetUInt16(DicomTags.BitsAllocated) != 8
                || dataset.GetUInt16(DicomTags.PlanarConfiguration) != 0 || dataset.GetString(DicomTags.PhotometricInterpretation) != "RGB")
            {
                throw new TriageReportException($"Montage image {index + 1} is not 8-bit interleaved RGB.");
            }

            rows = dataset.GetUInt16(DicomTags.Rows);
            columns = dataset.GetUInt16(DicomTags.Columns);
            pixels = dataset.GetBytes(DicomTags.PixelData);
        }
        catch (DicomException e)
        {
            throw new TriageReportException($"Montage image {index + 1} cannot be read: {e.Message}", e);
        }

        if (rows == 0 || columns == 0 || pixels.Length < rows * columns * 3)
        {
            throw new TriageReportException($"Montage image {index + 1} has {pixels.Length} pixel bytes for {columns}×{rows} RGB.");
        }

        var bitmap = new SKBitmap(new SKImageInfo(columns, rows, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var target = bitmap.GetPixelSpan();
        var source = pixels.Span;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var from = ((y * columns) + x) * 3;
                var to = (y * bitmap.RowBytes) + (x * 4);
                target[to] = source[from];
                target[to + 1] = source[from + 1];
                target[to + 2] = source[from + 2];
                target[to + 3] = 255;
            }
        }

        return bitmap;
    }
}
