using Isl.Model.Dedn;
using Isl.Model.Drn;
namespace Isl.Model.Training;

/// <summary>
/// What a trainer's loop (<see cref="DeDnTrainer.Train"/>, <see cref="DrnTrainer.Train"/>) reports to and how it
/// saves: progress after every step, notes, and a checkpoint every <see cref="CheckpointEvery"/> steps before the end
/// and before a cancellation stops it.
/// </summary>
public sealed record TrainingLoop
{
    /// <summary>Called after every step.</summary>
    public Action<TrainingProgress>? Progress { get; init; }

    /// <summary>Called with a line worth showing (e.g. the DRN's centre fitted).</summary>
    public Action<string>? Note { get; init; }

    /// <summary>Steps between checkpoints (0: only <see cref="Checkpoint"/> on cancellation).</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>
    /// Saves a checkpoint: called with status <c>running</c> every <see cref="CheckpointEvery"/> steps before the last,
    /// and with <c>stopped</c> when cancellation is requested, before the loop throws; with the last step's losses.
    /// </summary>
    public Action<string, IReadOnlyDictionary<string, double>>? Checkpoint { get; init; }

    internal void AfterStep(TrainingProgress progress)
    {
        Progress?.Invoke(progress);
        if (CheckpointEvery > 0 && progress.Step % CheckpointEvery == 0 && progress.Step < progress.TotalSteps)
        {
            Checkpoint?.Invoke("running", progress.Losses);
        }
    }

    internal void StopIfCancelled(IReadOnlyDictionary<string, double> last, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            Checkpoint?.Invoke("stopped", last);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
