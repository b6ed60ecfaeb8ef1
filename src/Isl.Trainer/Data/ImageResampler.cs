namespace Isl.Trainer.Data;

/// <summary>
/// Resizes a single-channel image to a square with its aspect ratio kept: the longer side fills the square, the
/// shorter one is centred and padded with 0 (air). Uses a separable triangle filter whose support widens when
/// shrinking, so downsampling averages instead of aliasing.
/// </summary>
public static class ImageResampler
{
    /// <summary>Letterboxes <paramref name="source"/> (row-major, <paramref name="width"/>×<paramref name="height"/>) into size×size.</summary>
    public static float[] ToSquare(ReadOnlySpan<float> source, int width, int height, int size)
    {
        if (width < 1 || height < 1 || source.Length != width * height)
        {
            throw new TrainerException($"An image of {width}×{height} cannot hold {source.Length} pixels.");
        }

        var scale = (double)size / Math.Max(width, height);
        var targetWidth = Math.Max(1, (int)Math.Round(width * scale));
        var targetHeight = Math.Max(1, (int)Math.Round(height * scale));
        var horizontal = new float[height * targetWidth];
        for (var y = 0; y < height; y++)
        {
            Resample1D(source.Slice(y * width, width), 1, horizontal.AsSpan(y * targetWidth, targetWidth), 1);
        }

        var result = new float[size * size];
        var offsetX = (size - targetWidth) / 2;
        var offsetY = (size - targetHeight) / 2;
        var column = new float[height];
        var resampled = new float[targetHeight];
        for (var x = 0; x < targetWidth; x++)
        {
            for (var y = 0; y < height; y++)
            {
                column[y] = horizontal[(y * targetWidth) + x];
            }

            Resample1D(column, 1, resampled, 1);
            for (var y = 0; y < targetHeight; y++)
            {
                result[((y + offsetY) * size) + x + offsetX] = resampled[y];
            }
        }

        return result;
    }

    private static void Resample1D(ReadOnlySpan<float> input, int inputStride, Span<float> output, int outputStride)
    {
        var inLength = input.Length / inputStride;
        var outLength = output.Length / outputStride;
        var ratio = (double)inLength / outLength;
        var support = Math.Max(1.0, ratio);
        for (var o = 0; o < outLength; o++)
        {
            var center = ((o + 0.5) * ratio) - 0.5;
            var first = (int)Math.Floor(center - support);
            var last = (int)Math.Ceiling(center + support);
            double sum = 0, weights = 0;
            for (var i = first; i <= last; i++)
            {
                var weight = 1 - (Math.Abs(i - center) / support);
                if (weight <= 0)
                {
                    continue;
                }

                var clamped = Math.Clamp(i, 0, inLength - 1);
                sum += weight * input[clamped * inputStride];
                weights += weight;
            }

            output[o * outputStride] = (float)(weights > 0 ? sum / weights : 0);
        }
    }
}
