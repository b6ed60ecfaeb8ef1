using Isl.Model.Drn;
using Isl.Model.Runtime;

namespace Isl.Trainer.Training;

/// <summary>Settings of <c>train drn</c>.</summary>
public sealed record DrnRunOptions
{
    /// <summary>The DeDN run folder (needed for difference images).</summary>
    public string? DeDnRun { get; init; }

    /// <summary>Difference images (the method) or raw images (the paper's ablation).</summary>
    public DrnInput Input { get; init; } = DrnInput.Difference;

    /// <summary>Network profile name for raw-image runs (difference runs take the DeDN run's profile).</summary>
    public string Profile { get; init; } = "cpu";

    /// <summary>MoCo pre-training steps.</summary>
    public int PretrainSteps { get; init; } = 200;

    /// <summary>Compactness/discrimination steps.</summary>
    public int Steps { get; init; } = 300;

    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>λc, the compactness weight.</summary>
    public double LambdaCompact { get; init; } = 1.0;

    /// <summary>λd, the discrimination weight.</summary>
    public double LambdaDiscriminate { get; init; } = 1.0;

    /// <summary>Write a checkpoint every this many steps (0 = only at the end or on Ctrl+C).</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>Continue from the run folder's checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>How often a diverged run (non-finite loss) goes back to its last checkpoint with another seed.</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary>Seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Device.</summary>
    public DeviceOption Device { get; init; } = DeviceOption.Auto;
}
