using static TorchSharp.torch;

namespace Isl.Model.Tests;

/// <summary>Tiny synthetic "head" images for training tests: a bright skull ring, textured brain, optional round lesion.</summary>
internal static class SyntheticSlices
{
    public static (Tensor Images, Tensor Masks) Heads(int count, int size, int seed, bool lesion = false)
    {
        // OpenMP's thread count is per calling thread: pin it on whichever thread xunit runs this test.
        Isl.Model.Runtime.TorchRuntime.SetThreads(1);
        var random = new Random(seed);
        var images = new float[count * size * size];
        var masks = new float[count * size * size];
        for (var n = 0; n < count; n++)
        {
            double cy = (size / 2.0) + random.NextDouble() - 0.5, cx = (size / 2.0) + random.NextDouble() - 0.5;
            var ry = size * (0.36 + (0.04 * random.NextDouble()));
            var rx = size * (0.30 + (0.04 * random.NextDouble()));
            double ly = cy + ((random.NextDouble() - 0.5) * ry), lx = cx + ((random.NextDouble() - 0.5) * rx), lr = size * (0.06 + (0.05 * random.NextDouble()));
            var phase = random.NextDouble() * 6;
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                {
                    var d = Math.Sqrt(Math.Pow((r - cy) / ry, 2) + Math.Pow((c - cx) / rx, 2));
                    var i = (n * size * size) + (r * size) + c;
                    if (d > 1)
                    {
                        continue;
                    }

                    masks[i] = 1;
                    var value = d > 0.85 ? 0.95 : 0.45 + (0.05 * Math.Sin((r * 0.7) + phase) * Math.Cos(c * 0.5));
                    if (lesion && Math.Sqrt(Math.Pow(r - ly, 2) + Math.Pow(c - lx, 2)) < lr)
                    {
                        value = 0.8;
                    }

                    images[i] = (float)value;
                }
            }
        }

        return (tensor(images, [count, 1, size, size]), tensor(masks, [count, 1, size, size]));
    }

    public static double Auroc(IReadOnlyList<double> negatives, IReadOnlyList<double> positives)
    {
        double wins = 0;
        foreach (var p in positives)
        {
            foreach (var q in negatives)
            {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }

        return wins / (positives.Count * (double)negatives.Count);
    }
}
