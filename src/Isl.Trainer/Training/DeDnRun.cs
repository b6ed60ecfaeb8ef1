using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Training;
using static TorchSharp.torch;

namespace Isl.Trainer.Training;

/// <summary>
/// <c>train dedn</c>: trains the de-disorder inpainting network on a cache's normal slices, with checkpoints every
/// N steps, resume, and a clean stop (checkpoint first) on cancellation. Adversarial training can diverge (a
/// non-finite loss); the run then goes back to its last checkpoint (or starts afresh) with another seed, up to
/// <see cref="DeDnRunOptions.MaxRestarts"/> times, and records the restarts in <c>run.json</c>.
/// </summary>
public static class DeDnRun
{
    /// <summary>Runs (or resumes) a DeDN training into <paramref name="runDirectory"/>.</summary>
    public static TrainingRunInfo Run(string cacheDirectory, string runDirectory, DeDnRunOptions options, ITrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var attempt = options;
        for (var restart = 0; ; restart++)
        {
            try
            {
                var info = RunOnce(cacheDirectory, runDirectory, attempt, observer, cancellationToken);
                if (restart > 0)
                {
                    info = info with { Figures = new Dictionary<string, double>(info.Figures) { ["restarts"] = restart } };
                    info.Write(runDirectory);
                }

                return info;
            }
            catch (TrainingDivergedException ex) when (restart < options.MaxRestarts)
            {
                var fromCheckpoint = File.Exists(Path.Combine(runDirectory, TrainingRunInfo.FileName));
                attempt = attempt with { Seed = attempt.Seed + 7919, Resume = fromCheckpoint };
                observer?.OnNote($"{ex.Message} Restarting {(fromCheckpoint ? "from the last checkpoint" : "afresh")} with seed {attempt.Seed}.");
            }
        }
    }

    private static TrainingRunInfo RunOnce(string cacheDirectory, string runDirectory, DeDnRunOptions options, ITrainingObserver? observer, CancellationToken cancellationToken)
    {
        if (options.Steps < 1 || options.BatchSize < 1)
        {
            throw new TrainerException("Steps and batch size must be at least 1.");
        }

        using var set = TrainingSet.LoadNormals(cacheDirectory);
        var preprocessing = set.Cache.Manifest.Preprocessing;
        var profile = NetworkProfile.Named(options.Profile) with { Size = set.Cache.Manifest.Width };
        var grid = new GridSettings { K = options.GridK, Mode = options.Autoencoder ? GridMode.Autoencoder : GridMode.Exact };
        var trainingOptions = new DeDnTrainingOptions { BatchSize = options.BatchSize, LearningRate = options.LearningRate, Grid = grid, Seed = options.Seed };
        var checkpoint = TrainingRunInfo.CheckpointOf(runDirectory);
        using var trainer = new DeDnTrainer(preprocessing.Channels, profile, trainingOptions, options.Device);
        if (options.Resume)
        {
            var previous = TrainingRunInfo.Read(runDirectory, "dedn");
            if (previous.Profile.Name != profile.Name)
            {
                throw new TrainerException($"The run in {runDirectory} used profile '{previous.Profile.Name}'; resume it with the same --profile.");
            }

            trainer.LoadCheckpoint(checkpoint);
            observer?.OnNote($"resumed at step {trainer.StepsDone}");
        }

        TrainingRunInfo Info(string status, IReadOnlyDictionary<string, double> losses, IReadOnlyDictionary<string, double>? figures = null) => new()
        {
            Kind = "dedn",
            Status = status,
            StepsDone = trainer.StepsDone,
            StepsPlanned = options.Steps,
            Seed = options.Seed,
            Cache = Path.GetFullPath(cacheDirectory),
            Profile = profile,
            Preprocessing = preprocessing,
            Grid = grid,
            CannySigma = trainingOptions.CannySigma,
            TrainingData = set.Summary,
            LastLosses = losses,
            Figures = figures ?? new Dictionary<string, double>(),
            Options = options.ToString(),
        };

        // Batches are drawn from a stream seeded by (seed, step) so a resumed run draws what the uninterrupted one would have.
        var random = new Random(BatchSeed.Of(options.Seed, trainer.StepsDone));
        IReadOnlyDictionary<string, double> last = new Dictionary<string, double>();
        while (trainer.StepsDone < options.Steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                trainer.SaveCheckpoint(checkpoint);
                Info("stopped", last).Write(runDirectory);
                observer?.OnNote($"stopped at step {trainer.StepsDone}; checkpoint written, continue with --resume");
                cancellationToken.ThrowIfCancellationRequested();
            }

            using (var scope = NewDisposeScope())
            {
                last = trainer.Step(set.Images.index_select(0, set.SampleIndices(random, options.BatchSize)));
            }

            Divergence.Check("DeDN", trainer.StepsDone, last);

            observer?.OnStep(new TrainingProgress("dedn", trainer.StepsDone, options.Steps, last));
            if (options.CheckpointEvery > 0 && trainer.StepsDone % options.CheckpointEvery == 0 && trainer.StepsDone < options.Steps)
            {
                trainer.SaveCheckpoint(checkpoint);
                Info("running", last).Write(runDirectory);
                observer?.OnNote($"checkpoint at step {trainer.StepsDone}");
            }
        }

        trainer.SaveCheckpoint(checkpoint);
        using var probe = set.Images.narrow(0, 0, Math.Min(16, set.Count));
        var figures = new Dictionary<string, double> { ["reconstructionError"] = trainer.ReconstructionError(probe) };
        var info = Info("complete", last, figures);
        info.Write(runDirectory);
        return info;
    }
}
