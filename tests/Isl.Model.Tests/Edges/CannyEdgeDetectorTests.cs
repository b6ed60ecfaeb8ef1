using Isl.Model.Edges;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Edges;

public sealed class CannyEdgeDetectorTests
{
    [Fact]
    public void Finds_the_outline_of_a_bright_square_and_nothing_else()
    {
        // 32×32 dark image with a bright square at rows/cols 10..21: edges lie on the square's boundary.
        var data = new float[32 * 32];
        for (var r = 10; r < 22; r++)
        {
            for (var c = 10; c < 22; c++)
            {
                data[(r * 32) + c] = 1f;
            }
        }

        using var image = tensor(data, [1, 1, 32, 32]);
        using var edges = new CannyEdgeDetector(sigma: 1.0).Detect(image);
        var map = edges.data<float>().ToArray();
        int onBoundary = 0, elsewhere = 0;
        for (var r = 0; r < 32; r++)
        {
            for (var c = 0; c < 32; c++)
            {
                if (map[(r * 32) + c] < 0.5f)
                {
                    continue;
                }

                var nearVertical = (Math.Abs(c - 9.5) <= 1 || Math.Abs(c - 21.5) <= 1) && r >= 8 && r <= 23;
                var nearHorizontal = (Math.Abs(r - 9.5) <= 1 || Math.Abs(r - 21.5) <= 1) && c >= 8 && c <= 23;
                if (nearVertical || nearHorizontal) { onBoundary++; } else { elsewhere++; }
            }
        }

        Assert.Equal(0, elsewhere);
        // Four sides of 12 pixels, at most two pixels thick after non-maximum suppression.
        Assert.InRange(onBoundary, 40, 2 * 4 * 14);
        // The middle of each side is found.
        Assert.True(map[(15 * 32) + 9] > 0.5f || map[(15 * 32) + 10] > 0.5f);
        Assert.True(map[(9 * 32) + 15] > 0.5f || map[(10 * 32) + 15] > 0.5f);
    }

    [Fact]
    public void A_flat_image_has_no_edges_and_batches_are_independent()
    {
        var flat = full(new long[] { 1, 1, 16, 16 }, 0.5f);
        var step = zeros(1, 1, 16, 16);
        step[.., .., .., 8..] = ones(1, 1, 16, 8);
        using var batch = cat([flat, step], 0);
        using var edges = new CannyEdgeDetector().Detect(batch);
        Assert.Equal(0f, edges[0].sum().item<float>());
        Assert.True(edges[1].sum().item<float>() >= 14);
    }

    [Fact]
    public void Weak_edges_connected_to_strong_ones_survive_hysteresis_and_isolated_weak_ones_do_not()
    {
        // Left half: a strong step (1.0). Right part: a weak step (0.15) not connected to it.
        var data = new float[32 * 32];
        for (var r = 0; r < 32; r++)
        {
            for (var c = 0; c < 32; c++)
            {
                data[(r * 32) + c] = (c >= 8 ? 1f : 0f) + (c >= 24 ? 0.15f : 0f);
            }
        }

        using var image = tensor(data, [1, 1, 32, 32]);
        using var edges = new CannyEdgeDetector(sigma: 0, lowThreshold: 0.1, highThreshold: 0.5).Detect(image);
        Assert.True(edges[0, 0, 16, 7..9].sum().item<float>() >= 1);
        Assert.Equal(0f, edges[0, 0, .., 20..].sum().item<float>());
    }
}
