using Isl.Model.Dedn;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Dedn;

public sealed class LossTests
{
    [Fact]
    public void Hole_weighted_l1_weighs_hole_and_valid_pixels()
    {
        using var output = tensor(new float[] { 1, 1, 1, 1 }, [1, 1, 2, 2]);
        using var target = tensor(new float[] { 0, 0, 0.5f, 0.5f }, [1, 1, 2, 2]);
        using var holes = tensor(new float[] { 1, 0, 1, 0 }, [1, 1, 2, 2]);
        // |d| = 1, 1, .5, .5; weights 6, 1, 6, 1 → (6 + 1 + 3 + .5) / 4 = 2.625
        using var loss = HoleWeightedL1Loss.Compute(output, target, holes, holeWeight: 6, validWeight: 1);
        Assert.Equal(2.625f, loss.item<float>(), 5);
    }

    [Fact]
    public void Adversarial_losses_at_zero_logits_are_log_two()
    {
        using var zero = zeros(2, 1, 3, 3);
        Assert.Equal(2 * Math.Log(2), NonSaturatingAdversarialLoss.Discriminator(zero, zero).item<float>(), 5);
        Assert.Equal(Math.Log(2), NonSaturatingAdversarialLoss.Generator(zero).item<float>(), 5);
        using var confident = full(new long[] { 1, 1, 2, 2 }, 20f);
        Assert.True(NonSaturatingAdversarialLoss.Generator(confident).item<float>() < 1e-6);
    }

    [Fact]
    public void Gram_matrix_and_style_loss_have_the_known_values()
    {
        // Features [1, 2, 1, 2]: channel a = (1, 2), channel b = (3, 4); Gram / (C·H·W = 4) = [[5, 11], [11, 25]] / 4.
        using var f = tensor(new float[] { 1, 2, 3, 4 }, [1, 2, 1, 2]);
        using var gram = GramStyleLoss.Gram(f);
        Assert.Equal(new[] { 1.25f, 2.75f, 2.75f, 6.25f }, gram.data<float>().ToArray());
        using var g = zeros(1, 2, 1, 2);
        // mean |Gram(f) − 0| = (1.25 + 2.75 + 2.75 + 6.25) / 4 = 3.25, over two identical layers = 6.5.
        Assert.Equal(6.5f, GramStyleLoss.Compute([f, f], [g, g]).item<float>(), 5);
    }

    [Fact]
    public void Perceptual_loss_sums_layer_means()
    {
        using var a1 = ones(1, 2, 2, 2);
        using var b1 = zeros(1, 2, 2, 2);
        using var a2 = full(new long[] { 1, 1, 4, 4 }, 3f);
        using var b2 = ones(1, 1, 4, 4);
        Assert.Equal(3f, PerceptualLoss.Compute([a1, a2], [b1, b2]).item<float>(), 5);
        Assert.Throws<IslModelException>(() => PerceptualLoss.Compute([a1], [b1, b2]));
    }
}
