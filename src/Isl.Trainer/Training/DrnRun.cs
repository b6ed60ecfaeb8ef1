using Isl.Model.Drn;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Training;
using static TorchSharp.torch;

namespace Isl.Trainer.Training;

/// <summary>
/// <c>train drn</c>: difference images of the normals (and of cutout views, the positives) from a trained DeDN,
/// then the DRN schedule — MoCo pre-training, centre c, compactness/discrimination — with checkpoints, resume and
/// a clean stop on cancellation; a diverged run restarts (<see cref="DivergenceRestarts"/>, up to
/// <see cref="DrnRunOptions.MaxRestarts"/> times).
/// </summary>
public static class DrnRun
{
    /// <summary>Runs (or resumes) a DRN training into <paramref name="runDirectory"/>.</summary>
    public static TrainingRunInfo Run(string cacheDirectory, string runDirectory, DrnRunOptions options, ITrainingObserver? observer = null, CancellationToken cancellationToken = default) =>
        DivergenceRestarts.Run(runDirectory, options, options.Seed, options.MaxRestarts, (o, seed, resume) => o with { Seed = seed, Resume = resume }, o => RunOnce(cacheDirectory, runDirectory, o, observer, cancellationToken), observer);

    private static TrainingRunInfo RunOnce(string cacheDirectory, string runDirectory, DrnRunOptions options, ITrainingObserver? observer, CancellationToken cancellationToken)
    {
        if (options.Steps < 1 || options.PretrainSteps < 0 || options.BatchSize < 2)
        {
            throw new TrainerException("The DRN needs at least 1 step, no negative pre-training steps and a batch of at least 2.");
        }

        using var set = TrainingSet.LoadNormals(cacheDirectory);
        var preprocessing = set.Cache.Manifest.Preprocessing;
        TrainingRunInfo? dedn = null;
        NetworkProfile profile;
        if (options.Input == DrnInput.Difference)
        {
            var dednRun = options.DeDnRun ?? throw new TrainerException("Difference-image training needs --dedn (the folder of a `train dedn` run).");
            dedn = TrainingRunInfo.Read(dednRun, "dedn");
            if (System.Text.Json.JsonSerializer.Serialize(dedn.Preprocessing) != System.Text.Json.JsonSerializer.Serialize(preprocessing))
            {
                throw new TrainerException($"The DeDN in {dednRun} was trained on slices prepared differently ({dedn.Preprocessing.Mode}, {dedn.Preprocessing.Size}²) from {cacheDirectory}; prepare both the same way.");
            }

            profile = dedn.Profile;
        }
        else
        {
            profile = NetworkProfile.Named(options.Profile) with { Size = set.Cache.Manifest.Width };
        }

        var (normals, positives) = DrnInputs(set, dedn, options, observer);
        using var normalInputs = normals;
        using var positiveInputs = positives;
        var drnOptions = new DrnTrainingOptions
        {
            PretrainSteps = options.PretrainSteps,
            Steps = options.Steps,
            BatchSize = options.BatchSize,
            LearningRate = options.LearningRate,
            LambdaCompact = options.LambdaCompact,
            LambdaDiscriminate = options.LambdaDiscriminate,
            Input = options.Input,
            Seed = options.Seed,
        };
        var checkpoint = TrainingRunInfo.CheckpointOf(runDirectory);
        using var trainer = new DrnTrainer(preprocessing.Channels, profile, drnOptions, options.Device);
        if (options.Resume)
        {
            TrainingRunInfo.Read(runDirectory, "drn");
            trainer.LoadCheckpoint(checkpoint);
            observer?.OnNote($"resumed at step {trainer.StepsDone}");
        }

        var total = options.PretrainSteps + options.Steps;
        TrainingRunInfo Info(string status, IReadOnlyDictionary<string, double> losses) => new()
        {
            Kind = "drn",
            Status = status,
            StepsDone = trainer.StepsDone,
            StepsPlanned = total,
            Seed = options.Seed,
            Cache = Path.GetFullPath(cacheDirectory),
            Profile = profile,
            Preprocessing = preprocessing,
            Grid = dedn?.Grid ?? new GridSettings(),
            CannySigma = dedn?.CannySigma ?? 1.0,
            DrnInput = options.Input,
            DeDnRun = options.DeDnRun is null ? null : Path.GetFullPath(options.DeDnRun),
            TrainingData = set.Summary,
            LastLosses = losses,
            Options = options.ToString(),
        };

        var loop = RunCheckpoints.Loop(options.CheckpointEvery, () => trainer.StepsDone, (status, losses) =>
        {
            trainer.SaveCheckpoint(checkpoint);
            Info(status, losses).Write(runDirectory);
        }, observer);
        var last = trainer.Train(normalInputs, positiveInputs, set.Masks, loop, cancellationToken);
        trainer.SaveCheckpoint(checkpoint);
        var info = Info("complete", last);
        info.Write(runDirectory);
        return info;
    }

    // The DRN's inputs: x_dif of the normals and of cutout views (the method), or the masked raw images (ablation).
    private static (Tensor Normals, Tensor Positives) DrnInputs(TrainingSet set, TrainingRunInfo? dedn, DrnRunOptions options, ITrainingObserver? observer)
    {
        if (dedn is null)
        {
            return DrnTrainingInputs.Compute(set.Images, set.Masks, options.Seed, null);
        }

        observer?.OnNote($"computing difference images of {set.Count} normals and their cutout views with the DeDN ({dedn.Grid.K}×{dedn.Grid.K} grid)");
        using var generator = DeDnCheckpoint.LoadGenerator(options.DeDnRun!, dedn, options.Device);
        return DrnTrainingInputs.Compute(set.Images, set.Masks, options.Seed, (generator.Generator, generator.Canny, dedn.Grid));
    }
}
