using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Runtime;
using Isl.Model.Training;
using Isl.Testing;

namespace Isl.Model.Tests.Training;

public sealed class Vgg19PerceptualTests
{
    [Fact]
    public void A_vgg19_weights_file_drives_the_perceptual_and_style_losses_and_is_recorded()
    {
        using var dir = new TempDirectory();
        var weights = dir.Combine("vgg19.dat");
        using (var vgg = new Vgg19Features())
        {
            vgg.save(weights);
        }

        var (images, _) = SyntheticSlices.Heads(2, 32, seed: 5);
        var options = new DeDnTrainingOptions { BatchSize = 2, Grid = new GridSettings { K = 4 }, Vgg19WeightsFile = weights };
        using var trainer = new DeDnTrainer(1, NetworkProfile.Tiny with { Size = 32 }, options, DeviceOption.Cpu);
        Assert.StartsWith("vgg19:", trainer.PerceptualSourceInUse);
        var losses = trainer.Step(images);
        Assert.True(losses["perceptual"] > 0 && double.IsFinite(losses["perceptual"]));
        Assert.True(double.IsFinite(losses["style"]));

        var notVgg = dir.Combine("generator.dat");
        using (var generator = new DeDnGenerator(1, NetworkProfile.Tiny))
        {
            generator.save(notVgg);
        }

        Assert.Throws<IslModelException>(() => Vgg19Features.FromFile(notVgg));
        Assert.Throws<IslModelException>(() => Vgg19Features.FromFile(dir.Combine("absent.dat")));
    }
}
