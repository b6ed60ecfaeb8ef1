using Isl.Model.Inference;

namespace Isl.Model.Dedn;

/// <summary>DeDN training (EdgeConnect's inpainting stage): loss weights, optimiser and hole sampling.</summary>
public sealed record DeDnTrainingOptions
{
    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Generator learning rate (Adam, β = (0, 0.9) as EdgeConnect).</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Discriminator learning rate relative to the generator's.</summary>
    public double DiscriminatorLearningRateRatio { get; init; } = 0.1;

    /// <summary>Gradient-norm clip for generator and discriminator (keeps the GAN from diverging to NaN).</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>L1 weight inside holes (outside holes weighs 1).</summary>
    public double HoleWeight { get; init; } = 6.0;

    /// <summary>Adversarial loss weight.</summary>
    public double AdversarialWeight { get; init; } = 0.1;

    /// <summary>Perceptual loss weight.</summary>
    public double PerceptualWeight { get; init; } = 0.1;

    /// <summary>Style (Gram) loss weight.</summary>
    public double StyleWeight { get; init; } = 250.0;

    /// <summary>The grid whose cells (and fast groups) are sampled as training holes, as at inference.</summary>
    public GridSettings Grid { get; init; } = new();

    /// <summary>Canny sigma for the edge maps.</summary>
    public double CannySigma { get; init; } = 1.0;

    /// <summary>Seed of sampling.</summary>
    public int Seed { get; init; } = 1;
}
