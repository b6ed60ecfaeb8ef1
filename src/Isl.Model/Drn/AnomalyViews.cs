using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Drn;

/// <summary>Augmented views for DRN training: h⁻ (rotation/flip of a normal) and h⁺ (cutout: a random ellipse of shifted intensity inside the head).</summary>
public static class AnomalyViews
{
    /// <summary>Rotates by a multiple of 90° and maybe flips (the same transform for the whole batch).</summary>
    public static Tensor RotateFlip(Tensor images, Random random)
    {
        var rotated = images.rot90(random.Next(4), (2, 3));
        return random.Next(2) == 0 ? rotated : rotated.flip(3);
    }

    /// <summary>
    /// Cutout views: per image, an ellipse (radius 5–20% of the size) centred inside the head mask whose pixels are
    /// shifted by ±(0.25–0.6) (only + when <paramref name="brighterOnly"/>, as residue in a difference image is), clamped to
    /// [0, 1]; masks [N, 1, S, S] (or null for the whole image).
    /// </summary>
    public static Tensor Cutout(Tensor images, Tensor? masks, Random random, bool brighterOnly = false)
    {
        long n = images.shape[0], s = images.shape[2];
        var device = images.device;
        var maskData = masks?.to(CPU).data<float>().ToArray();
        var offsets = new float[n * s * s];
        for (var i = 0; i < n; i++)
        {
            var (cy, cx) = PickCentre(maskData, i, (int)s, random);
            var ry = s * (0.05 + (0.15 * random.NextDouble()));
            var rx = s * (0.05 + (0.15 * random.NextDouble()));
            var delta = (float)((0.25 + (0.35 * random.NextDouble())) * (brighterOnly || random.Next(2) == 0 ? 1 : -1));
            for (var r = 0; r < s; r++)
            {
                for (var c = 0; c < s; c++)
                {
                    var dy = (r - cy) / ry;
                    var dx = (c - cx) / rx;
                    if ((dy * dy) + (dx * dx) <= 1)
                    {
                        offsets[(i * s * s) + (r * s) + c] = delta;
                    }
                }
            }
        }

        var shift = tensor(offsets, [n, 1, s, s], device: device);
        var inside = masks ?? ones(n, 1, s, s, device: device);
        return images.Plus(shift * inside).Between(0, 1);
    }

    private static (double Row, double Column) PickCentre(float[]? masks, int index, int size, Random random)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            int r = random.Next(size), c = random.Next(size);
            if (masks is null || masks[((long)index * size * size) + (r * size) + c] > 0.5f)
            {
                return (r, c);
            }
        }

        return (size / 2.0, size / 2.0);
    }
}
