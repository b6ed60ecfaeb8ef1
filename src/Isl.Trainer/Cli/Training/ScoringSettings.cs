namespace Isl.Trainer.Cli.Training;

/// <summary>Where and how networks run.</summary>
/// <param name="Device">auto, cpu or cuda.</param>
/// <param name="Threads">Torch CPU threads (0 = default).</param>
/// <param name="Batch">Slices per batch.</param>
internal sealed record ScoringSettings(string Device, int Threads, int Batch);
