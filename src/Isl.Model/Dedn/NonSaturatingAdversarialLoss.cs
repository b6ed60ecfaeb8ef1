using Isl.Model.Runtime;
using static TorchSharp.torch;

namespace Isl.Model.Dedn;

/// <summary>The non-saturating GAN loss on discriminator logits.</summary>
public static class NonSaturatingAdversarialLoss
{
    /// <summary>Discriminator: −log σ(real) − log(1 − σ(fake)), averaged.</summary>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits)
        => (-realLogits).Softplus().mean().Plus(fakeLogits.Softplus().mean());

    /// <summary>Generator: −log σ(fake), averaged.</summary>
    public static Tensor Generator(Tensor fakeLogits) => (-fakeLogits).Softplus().mean();
}
