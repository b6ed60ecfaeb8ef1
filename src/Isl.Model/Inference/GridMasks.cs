using static TorchSharp.torch;

namespace Isl.Model.Inference;

/// <summary>Hole masks for grid inference; every pixel lies in exactly one cell.</summary>
public static class GridMasks
{
    /// <summary>Row/column start of cell <paramref name="index"/> of <paramref name="k"/> over <paramref name="size"/> pixels.</summary>
    public static int Edge(int index, int k, int size) => (int)((long)index * size / k);

    /// <summary>One mask per pass, [P, 1, S, S]: one cell per pass (exact), a non-adjacent group per pass (fast), or one empty mask (autoencoder).</summary>
    public static Tensor Build(GridSettings grid, int size, Device? device = null)
    {
        grid.Validate(size);
        if (grid.Mode == GridMode.Autoencoder)
        {
            return zeros([1, 1, size, size], device: device);
        }

        var k = grid.K;
        var stride = grid.Mode == GridMode.Exact ? k : Math.Min(grid.GroupStride, k);
        var passes = grid.PassesPerSlice;
        var data = new float[passes * size * size];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var pass = grid.Mode == GridMode.Exact ? (i * k) + j : ((i % stride) * stride) + (j % stride);
                for (var r = Edge(i, k, size); r < Edge(i + 1, k, size); r++)
                {
                    for (var c = Edge(j, k, size); c < Edge(j + 1, k, size); c++)
                    {
                        data[((long)pass * size * size) + (r * size) + c] = 1f;
                    }
                }
            }
        }

        return tensor(data, [passes, 1, size, size], device: device);
    }
}
