using Isl.Model.Training;

namespace Isl.Trainer.Training;

/// <summary>The training loop of a <c>train</c> verb: progress and notes to the observer, a checkpoint every N steps and on Ctrl+C.</summary>
internal static class RunCheckpoints
{
    /// <summary>
    /// A loop that calls <paramref name="save"/>(status, last losses) — the trainer's checkpoint and <c>run.json</c> —
    /// every <paramref name="every"/> steps and when cancelled, then notes it with the step from <paramref name="stepsDone"/>.
    /// </summary>
    public static TrainingLoop Loop(int every, Func<int> stepsDone, Action<string, IReadOnlyDictionary<string, double>> save, ITrainingObserver? observer) => new()
    {
        Progress = observer is null ? null : observer.OnStep,
        Note = observer is null ? null : observer.OnNote,
        CheckpointEvery = every,
        Checkpoint = (status, losses) =>
        {
            save(status, losses);
            observer?.OnNote(status == "stopped"
                ? $"stopped at step {stepsDone()}; checkpoint written, continue with --resume"
                : $"checkpoint at step {stepsDone()}");
        },
    };
}
