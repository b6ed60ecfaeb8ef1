using Isl.Model.Drn;
using Isl.Model.Networks;
using Isl.Model.Runtime;
using Isl.Model.Training;
using Isl.Testing;
using static TorchSharp.torch;

namespace Isl.Model.Tests.Drn;

public sealed class DrnTrainerTests
{
    private static readonly NetworkProfile Profile = NetworkProfile.Tiny with { Size = 32 };

    [Fact]
    public void Short_training_scores_cutout_and_blob_images_above_clean_ones()
    {
        // DRN on "difference images": normals are faint texture residue inside the head; abnormals carry a bright blob.
        using var scope = NewDisposeScope();
        var (normals, masks) = SyntheticSlices.Heads(48, 32, seed: 1);
        var residue = Residue(normals, masks);
        var options = new DrnTrainingOptions { PretrainSteps = 20, Steps = 60, BatchSize = 16, Seed = 2 };
        using var trainer = new DrnTrainer(1, Profile, options, DeviceOption.Cpu);
        var last = new Dictionary<string, double>();
        trainer.Train(residue, positives: null, masks, new TrainingLoop { Progress = p => { if (p.Phase == "drn") { last = new(p.Losses); } } });
        Assert.NotNull(trainer.Center);

        var (cleanTest, cleanMasks) = SyntheticSlices.Heads(20, 32, seed: 7);
        var (lesionTest, lesionMasks) = SyntheticSlices.Heads(20, 32, seed: 8, lesion: true);
        var cleanResidue = Residue(cleanTest, cleanMasks);
        var lesionResidue = Residue(lesionTest, lesionMasks).Plus(lesionTest.AtLeastMask(0.79).logical_and(lesionTest.AtMostMask(0.81)).to_type(ScalarType.Float32).Times(0.5));
        var auroc = SyntheticSlices.Auroc(trainer.Score(cleanResidue), trainer.Score(lesionResidue));
        Assert.True(auroc > 0.9, $"AUROC {auroc:F3} (last losses: {string.Join(", ", last.Select(kv => $"{kv.Key}={kv.Value:F3}"))})");

        // Cutout views of unseen clean inputs also score above the clean inputs themselves.
        var cut = AnomalyViews.Cutout(cleanResidue, cleanMasks, new Random(5), brighterOnly: true);
        var cutAuroc = SyntheticSlices.Auroc(trainer.Score(cleanResidue), trainer.Score(cut));
        Assert.True(cutAuroc > 0.9, $"cutout AUROC {cutAuroc:F3}");
    }

    [Fact]
    public void Checkpoint_round_trip_gives_identical_scores_and_bad_checkpoints_fail_clearly()
    {
        using var scope = NewDisposeScope();
        var (normals, masks) = SyntheticSlices.Heads(8, 32, seed: 3);
        var options = new DrnTrainingOptions { PretrainSteps = 2, Steps = 2, BatchSize = 4 };
        using var trainer = new DrnTrainer(1, Profile, options, DeviceOption.Cpu);
        trainer.Train(normals, null, masks);
        using var dir = new TempDirectory();
        trainer.SaveCheckpoint(dir.Path);
        using var restored = new DrnTrainer(1, Profile, options with { Seed = 99 }, DeviceOption.Cpu);
        restored.LoadCheckpoint(dir.Path);
        Assert.Equal(trainer.Score(normals), restored.Score(normals));
        Assert.Equal(trainer.StepsDone, restored.StepsDone);
        Assert.Throws<IslModelException>(() => restored.LoadCheckpoint(dir.Combine("missing")));
        using var other = new DrnTrainer(3, Profile, options, DeviceOption.Cpu);
        Assert.Throws<IslModelException>(() => other.LoadCheckpoint(dir.Path));
    }

    // Difference-image stand-in: faint texture residue inside the head.
    private static Tensor Residue(Tensor images, Tensor masks) => images.Plus(-0.45).abs().mul(masks).Times(0.3);
}
