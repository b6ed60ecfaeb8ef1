using Isl.Model.Dedn;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Training;
using static TorchSharp.torch;

namespace Isl.Trainer.Training;

/// <summary>
/// <c>train dedn</c>: trains the de-disorder inpainting network on a cache's normal slices, with checkpoints every
/// N steps, resume, and a clean stop (checkpoint first) on cancellation; a diverged run restarts
/// (<see cref="DivergenceRestarts"/>, up to <see cref="DeDnRunOptions.MaxRestarts"/> times).
/// </summary>
public static class DeDnRun
{
    /// <summary>Runs (or resumes) a DeDN training into <paramref name="runDirectory"/>.</summary>
    public static TrainingRunInfo Run(string cacheDirectory, string runDirectory, DeDnRunOptions options, ITrainingObserver? observer = null, CancellationToken cancellationToken = default) =>
        DivergenceRestarts.Run(runDirectory, options, options.Seed, options.MaxRestarts, (o, seed, resume) => o with { Seed = seed, Resume = resume }, o => RunOnce(cacheDirectory, runDirectory, o, observer, cancellationToken), observer);

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

        var loop = RunCheckpoints.Loop(options.CheckpointEvery, () => trainer.StepsDone, (status, losses) =>
        {
            trainer.SaveCheckpoint(checkpoint);
            Info(status, losses).Write(runDirectory);
        }, observer);
        var last = trainer.Train(set.Images, options.Steps, loop, cancellationToken);
        trainer.SaveCheckpoint(checkpoint);
        using var probe = set.Images.narrow(0, 0, Math.Min(16, set.Count));
        var figures = new Dictionary<string, double> { ["reconstructionError"] = trainer.ReconstructionError(probe) };
        var info = Info("complete", last, figures);
        info.Write(runDirectory);
        return info;
    }
}
