using Isl.Model.Inference;
using Isl.Model.Runtime;

namespace Isl.Trainer.Training;

/// <summary>Settings of <c>train dedn</c>.</summary>
public sealed record DeDnRunOptions
{
    /// <summary>Network profile name (paper, cpu, tiny); its size is set to the cache's slice size.</summary>
    public string Profile { get; init; } = "cpu";

    /// <summary>Total steps (a resumed run continues up to this count).</summary>
    public int Steps { get; init; } = 2000;

    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Generator learning rate.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Grid size K (K×K cells).</summary>
    public int GridK { get; init; } = 4;

    /// <summary>Train a plain autoencoder instead (no holes; the evaluation's baseline): its bundle scores in <see cref="GridMode.Autoencoder"/>.</summary>
    public bool Autoencoder { get; init; }

    /// <summary>Write a checkpoint every this many steps (0 = only at the end or on Ctrl+C).</summary>
    public int CheckpointEvery { get; init; } = 200;

    /// <summary>Continue from the run folder's checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>How often a diverged run (non-finite loss) goes back to its last checkpoint with another seed.</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary>Seed of weights and sampling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Device.</summary>
    public DeviceOption Device { get; init; } = DeviceOption.Auto;
}
