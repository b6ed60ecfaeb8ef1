using Isl.Model.Dedn;
using Isl.Model.Networks;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Dedn;

public sealed class SpectralNormConv2dTests
{
    [Fact]
    public void Power_iteration_bounds_the_top_singular_value_by_one()
    {
        manual_seed(3);
        using var conv = new SpectralNormConv2d("sn", 4, 8, 3, 1, 1);
        using (no_grad())
        {
            conv.RawWeight.mul_(10);
        }

        conv.train();
        using var x = randn(2, 4, 8, 8);
        for (var i = 0; i < 30; i++)
        {
            conv.forward(x).Dispose();
        }

        using var raw = linalg.svdvals(conv.RawWeight.detach().flatten(1));
        Assert.True(raw[0].item<float>() > 5, "the raw weight is far from unit norm");
        using var normalized = conv.NormalizedWeight().detach().flatten(1);
        using var sv = linalg.svdvals(normalized);
        Assert.InRange(sv[0].item<float>(), 0.97f, 1.03f);
    }
}
