using static TorchSharp.torch;

namespace Isl.Model.Losses;

/// <summary>The non-saturating GAN loss on discriminator logits.</summary>
public static class NonSaturatingAdversarialLoss
{
    /// <summary>Discriminator: −log σ(real) − log(1 − σ(fake)), averaged.</summary>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits)
        => nn.functional.softplus(-realLogits).mean() + nn.functional.softplus(fakeLogits).mean();

    /// <summary>Generator: −log σ(fake), averaged.</summary>
    public static Tensor Generator(Tensor fakeLogits) => nn.functional.softplus(-fakeLogits).mean();
}
