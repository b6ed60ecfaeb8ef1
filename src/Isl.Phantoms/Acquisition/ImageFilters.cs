namespace Isl.Phantoms.Acquisition;

/// <summary>In-plane filters on row-major float images.</summary>
internal static class ImageFilters
{
    public static float[] GaussianKernel(double sigma)
    {
        var radius = Math.Max(1, (int)Math.Ceiling(sigma * 3));
        var kernel = new float[(2 * radius) + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++)
        {
            var w = Math.Exp(-(i * i) / (2 * sigma * sigma));
            kernel[i + radius] = (float)w;
            sum += w;
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] = (float)(kernel[i] / sum);
        }

        return kernel;
    }

    /// <summary>Separable convolution with clamped borders, in place.</summary>
    public static void Convolve(float[] image, int width, int height, float[] kernel)
    {
        var radius = kernel.Length / 2;
        var line = new float[Math.Max(width, height) + (2 * radius)];
        for (var y = 0; y < height; y++)
        {
            var row = image.AsSpan(y * width, width);
            for (var x = 0; x < line.Length && x < width + (2 * radius); x++)
            {
                line[x] = row[Math.Clamp(x - radius, 0, width - 1)];
            }

            for (var x = 0; x < width; x++)
            {
                float acc = 0;
                for (var k = 0; k < kernel.Length; k++)
                {
                    acc += kernel[k] * line[x + k];
                }

                row[x] = acc;
            }
        }

        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < height + (2 * radius); y++)
            {
                line[y] = image[(Math.Clamp(y - radius, 0, height - 1) * width) + x];
            }

            for (var y = 0; y < height; y++)
            {
                float acc = 0;
                for (var k = 0; k < kernel.Length; k++)
                {
                    acc += kernel[k] * line[y + k];
                }

                image[(y * width) + x] = acc;
            }
        }
    }

    /// <summary>The standard deviation a unit white-noise image has after <see cref="Convolve"/> with this kernel.</summary>
    public static double NoiseGain(float[] kernel)
    {
        double sumSquares = 0;
        foreach (var w in kernel)
        {
            sumSquares += w * (double)w;
        }

        return sumSquares;
    }
}
