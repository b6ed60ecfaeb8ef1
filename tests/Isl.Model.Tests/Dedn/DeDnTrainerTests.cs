using Isl.Model.Dedn;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Runtime;
using Isl.Model.Training;
using Isl.Testing;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Dedn;

public sealed class DeDnTrainerTests
{
    private static readonly NetworkProfile Profile = NetworkProfile.Tiny with { Size = 32 };
    private static readonly DeDnTrainingOptions Options = new() { BatchSize = 4, LearningRate = 2e-3, Grid = new GridSettings { K = 4 }, Seed = 4 };

    [Fact]
    public void A_few_hundred_steps_on_normal_heads_make_the_reconstruction_error_fall_clearly()
    {
        using var scope = NewDisposeScope();
        var (train, _) = SyntheticSlices.Heads(32, 32, seed: 11);
        var (validation, _) = SyntheticSlices.Heads(8, 32, seed: 12);
        using var trainer = new DeDnTrainer(1, Profile, Options, DeviceOption.Cpu);
        var before = trainer.ReconstructionError(validation);
        var losses = new List<double>();
        trainer.Train(train, 200, new TrainingLoop { Progress = p => losses.Add(p.Losses["holeL1"]) });
        var after = trainer.ReconstructionError(validation);
        Assert.Equal(200, trainer.StepsDone);
        Assert.True(after < before * 0.5, $"hole L1 {before:F4} → {after:F4}");
        Assert.True(losses.TakeLast(20).Average() < losses.Take(20).Average() * 0.6, $"training hole L1 {losses.Take(20).Average():F4} → {losses.TakeLast(20).Average():F4}");
    }

    [Fact]
    public void Checkpoints_round_trip_and_wrong_shapes_fail_clearly()
    {
        using var scope = NewDisposeScope();
        var (train, _) = SyntheticSlices.Heads(4, 32, seed: 13);
        using var trainer = new DeDnTrainer(1, Profile, Options, DeviceOption.Cpu);
        trainer.Train(train, 2);
        using var dir = new TempDirectory();
        trainer.SaveCheckpoint(dir.Path);
        using var restored = new DeDnTrainer(1, Profile, Options with { Seed = 7 }, DeviceOption.Cpu);
        restored.LoadCheckpoint(dir.Path);
        Assert.Equal(2, restored.StepsDone);
        Assert.Equal(trainer.ReconstructionError(train), restored.ReconstructionError(train));
        Assert.Throws<IslModelException>(() => trainer.Step(zeros(2, 3, 32, 32)));
        using var wider = new DeDnTrainer(1, Profile with { GeneratorWidths = [16, 16, 16] }, Options, DeviceOption.Cpu);
        Assert.Throws<IslModelException>(() => wider.LoadCheckpoint(dir.Path));
    }
}
