namespace Isl.Model.Drn;

/// <summary>DRN training: MoCo pre-training, then SVDD-style compactness/discrimination.</summary>
public sealed record DrnTrainingOptions
{
    /// <summary>MoCo pre-training steps.</summary>
    public int PretrainSteps { get; init; } = 200;

    /// <summary>Compactness/discrimination steps after the centre is fitted.</summary>
    public int Steps { get; init; } = 300;

    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Gradient-norm clip of the SVDD steps.</summary>
    public double GradientClipNorm { get; init; } = 5.0;

    /// <summary>Weight λc of the compactness loss (h and h⁻ towards c).</summary>
    public double LambdaCompact { get; init; } = 1.0;

    /// <summary>Weight λd of the discrimination loss (h⁺ away from c).</summary>
    public double LambdaDiscriminate { get; init; } = 1.0;

    /// <summary>MoCo key-encoder momentum.</summary>
    public double Momentum { get; init; } = 0.99;

    /// <summary>MoCo queue length.</summary>
    public int QueueSize { get; init; } = 256;

    /// <summary>InfoNCE temperature.</summary>
    public double Temperature { get; init; } = 0.2;

    /// <summary>What the inputs are; difference inputs get brighter-only cutout views.</summary>
    public DrnInput Input { get; init; } = DrnInput.Difference;

    /// <summary>Seed of sampling and augmentation.</summary>
    public int Seed { get; init; } = 1;
}
