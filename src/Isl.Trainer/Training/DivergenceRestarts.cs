using Isl.Model.Training;

namespace Isl.Trainer.Training;

/// <summary>
/// The restart rule of <c>train dedn</c> and <c>train drn</c>: adversarial and contrastive training can diverge (a
/// non-finite loss); the run then goes back to its last checkpoint (or starts afresh when it wrote none) with another
/// seed, up to a number of times, and records the restarts in <c>run.json</c>.
/// </summary>
internal static class DivergenceRestarts
{
    /// <summary>
    /// Runs <paramref name="runOnce"/> with <paramref name="options"/>, and after each divergence with
    /// <paramref name="restart"/>(options, next seed, resume from the checkpoint?), at most <paramref name="maxRestarts"/> times.
    /// </summary>
    public static TrainingRunInfo Run<TOptions>(string runDirectory, TOptions options, int seed, int maxRestarts, Func<TOptions, int, bool, TOptions> restart, Func<TOptions, TrainingRunInfo> runOnce, ITrainingObserver? observer)
    {
        var attempt = options;
        for (var restarts = 0; ; restarts++)
        {
            try
            {
                var info = runOnce(attempt);
                if (restarts > 0)
                {
                    info = info with { Figures = new Dictionary<string, double>(info.Figures) { ["restarts"] = restarts } };
                    info.Write(runDirectory);
                }

                return info;
            }
            catch (TrainingDivergedException ex) when (restarts < maxRestarts)
            {
                var fromCheckpoint = File.Exists(Path.Combine(runDirectory, TrainingRunInfo.FileName));
                seed += 7919;
                attempt = restart(attempt, seed, fromCheckpoint);
                observer?.OnNote($"{ex.Message} Restarting {(fromCheckpoint ? "from the last checkpoint" : "afresh")} with seed {seed}.");
            }
        }
    }
}
