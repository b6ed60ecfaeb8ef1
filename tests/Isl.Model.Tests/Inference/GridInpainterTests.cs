using Isl.Model.Inference;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Inference;

public sealed class GridInpainterTests
{
    [Theory]
    [InlineData(GridMode.Exact, 4, 16)]
    [InlineData(GridMode.Fast, 4, 4)]
    [InlineData(GridMode.Exact, 3, 9)]
    [InlineData(GridMode.Fast, 5, 4)]
    public void Masks_partition_the_image_into_the_expected_passes(GridMode mode, int k, int passes)
    {
        var grid = new GridSettings { K = k, Mode = mode };
        using var masks = GridMasks.Build(grid, 64);
        Assert.Equal(passes, (int)masks.shape[0]);
        Assert.Equal(passes, grid.PassesPerSlice);
        using var coverage = masks.sum([0L]);
        Assert.Equal(1f, coverage.min().item<float>());
        Assert.Equal(1f, coverage.max().item<float>());
    }

    [Fact]
    public void The_autoencoder_mode_is_one_pass_over_the_whole_visible_slice()
    {
        var grid = new GridSettings { K = 4, Mode = GridMode.Autoencoder };
        Assert.Equal(1, grid.PassesPerSlice);
        using var masks = GridMasks.Build(grid, 32);
        Assert.Equal([1L, 1, 32, 32], masks.shape);
        Assert.Equal(0f, masks.abs().max().item<float>());

        // x_dd is the generator's output for the unmasked slice: here 2x + (holes = 0) + 1 from the edge map of ones.
        using var images = rand(3, 2, 32, 32);
        var calls = 0;
        var inpainter = new GridInpainter((x, holes, edges) => { calls++; return (x * 2) + holes + edges; }, x => ones(x.shape[0], 1, x.shape[2], x.shape[3]), grid, maxBatch: 8);
        using var xdd = inpainter.Reconstruct(images);
        Assert.Equal(1, calls);
        Assert.True(xdd.allclose((images * 2) + 1));
    }

    [Fact]
    public void Fast_groups_never_hold_adjacent_cells()
    {
        var grid = new GridSettings { K = 4, Mode = GridMode.Fast, GroupStride = 2 };
        using var masks = GridMasks.Build(grid, 64);
        for (var p = 0; p < 4; p++)
        {
            var cells = new List<(int I, int J)>();
            for (var i = 0; i < 4; i++)
            {
                for (var j = 0; j < 4; j++)
                {
                    if (masks[p, 0, (i * 16) + 8, (j * 16) + 8].item<float>() > 0.5f)
                    {
                        cells.Add((i, j));
                    }
                }
            }

            Assert.Equal(4, cells.Count);
            foreach (var a in cells)
            {
                Assert.All(cells.Where(b => b != a), b => Assert.True(Math.Max(Math.Abs(a.I - b.I), Math.Abs(a.J - b.J)) >= 2));
            }
        }
    }

    [Fact]
    public void Combine_takes_each_pixel_only_from_the_pass_that_masked_it()
    {
        // Pass p outputs the constant p + 1 everywhere; the combined image must equal (index of the cell's pass + 1).
        var grid = new GridSettings { K = 2, Mode = GridMode.Exact };
        using var masks = GridMasks.Build(grid, 16);
        using var outputs = arange(1, 5, dtype: ScalarType.Float32).reshape(1, 4, 1, 1, 1).expand(1, 4, 1, 16, 16);
        using var combined = GridInpainter.Combine(outputs, masks);
        Assert.Equal(1f, combined[0, 0, 0, 0].item<float>());
        Assert.Equal(2f, combined[0, 0, 0, 15].item<float>());
        Assert.Equal(3f, combined[0, 0, 15, 0].item<float>());
        Assert.Equal(4f, combined[0, 0, 15, 15].item<float>());
    }

    [Fact]
    public void Reconstruct_never_lets_the_generator_see_the_cell_it_fills()
    {
        // A fake generator that returns its (masked) input: every visible pixel is copied, every hole is 0.
        // Since each pixel is filled only by the pass that hid it, x_dd must be all zeros.
        using var images = rand(3, 2, 32, 32) + 0.1;
        foreach (var mode in new[] { GridMode.Exact, GridMode.Fast })
        {
            var inpainter = new GridInpainter((x, holes, _) => x * (1 - holes), x => zeros(x.shape[0], 1, x.shape[2], x.shape[3]), new GridSettings { K = 4, Mode = mode }, maxBatch: 8);
            using var xdd = inpainter.Reconstruct(images);
            Assert.Equal(images.shape, xdd.shape);
            Assert.Equal(0f, xdd.abs().max().item<float>());
        }

        // And a generator that returns the truth reconstructs the image exactly.
        var identity = new GridInpainter((x, _, _) => x, x => zeros(x.shape[0], 1, x.shape[2], x.shape[3]), new GridSettings { K = 4 });
        using var same = identity.Reconstruct(images);
        Assert.True(same.allclose(images));
    }
}
