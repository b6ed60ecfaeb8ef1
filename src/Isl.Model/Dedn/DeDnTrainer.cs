using System.Text.Json;
using Isl.Model.Edges;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Runtime;
using Isl.Model.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Isl.Model.Dedn;

/// <summary>
/// Trains the DeDN generator on healthy slices: holes are single grid cells, fast-mode cell groups or random
/// rectangles (none at all when <see cref="DeDnTrainingOptions.Grid"/> is <see cref="GridMode.Autoencoder"/>: the
/// baseline); losses are hole-weighted L1, non-saturating adversarial (spectral-norm PatchGAN), perceptual and
/// style (Gram). Perceptual and style losses use the discriminator's hidden features (feature matching: no ImageNet
/// VGG-19 weights can be downloaded here), recorded in the bundle as <see cref="PerceptualSource"/>.
/// </summary>
public sealed class DeDnTrainer : IDisposable
{
    /// <summary>What the perceptual and style losses use, as the bundle records it.</summary>
    public const string PerceptualSource = "discriminator-features";

    private const string GeneratorFile = "dedn_generator.bin";
    private const string DiscriminatorFile = "dedn_discriminator.bin";
    private const string StateFile = "dedn_state.json";
    private const string GeneratorOptimizerFile = "dedn_generator_adam.bin";
    private const string DiscriminatorOptimizerFile = "dedn_discriminator_adam.bin";
    private readonly DeDnTrainingOptions options;
    private readonly AdamOptimizer generatorOptimizer;
    private readonly AdamOptimizer discriminatorOptimizer;
    private readonly Random random;
    private readonly Tensor passMasks;
    private readonly int size;
    private readonly NetworkProfile profile;

    /// <summary>Creates a trainer for images with <paramref name="channels"/> channels at the profile's size.</summary>
    public DeDnTrainer(int channels, NetworkProfile profile, DeDnTrainingOptions options, DeviceOption device = default)
    {
        profile.Validate();
        options.Grid.Validate(profile.Size);
        this.options = options;
        size = profile.Size;
        this.profile = profile;
        Device = TorchRuntime.Resolve(device);
        manual_seed(options.Seed);
        random = new Random(options.Seed);
        Generator = new DeDnGenerator(channels, profile);
        Generator.to(Device);
        Discriminator = new PatchGanDiscriminator(channels, profile.DiscriminatorWidth);
        Discriminator.to(Device);
        Canny = new CannyEdgeDetector(options.CannySigma);
        generatorOptimizer = new AdamOptimizer(Generator.parameters(), options.LearningRate, 0.0, 0.9);
        discriminatorOptimizer = new AdamOptimizer(Discriminator.parameters(), options.LearningRate * options.DiscriminatorLearningRateRatio, 0.0, 0.9);
        passMasks = cat([GridMasks.Build(options.Grid with { Mode = GridMode.Exact }, size), GridMasks.Build(options.Grid with { Mode = GridMode.Fast }, size)], 0);
    }

    /// <summary>The device in use.</summary>
    public Device Device { get; }

    /// <summary>The generator being trained.</summary>
    public DeDnGenerator Generator { get; }

    /// <summary>The discriminator.</summary>
    public PatchGanDiscriminator Discriminator { get; }

    /// <summary>The edge detector feeding the generator.</summary>
    public CannyEdgeDetector Canny { get; }

    /// <summary>Steps done.</summary>
    public int StepsDone { get; private set; }

    /// <summary>One generator + discriminator step on images [B, C, S, S]; returns the loss figures.</summary>
    public IReadOnlyDictionary<string, double> Step(Tensor images)
    {
        CheckShape(images);
        using var scope = NewDisposeScope();
        Generator.train();
        Discriminator.train();
        var x = images.to(Device);
        var holes = SampleHoles((int)x.shape[0], random).to(Device);
        var edges = Canny.Detect(x);
        var output = Generator.Inpaint(x, holes, edges);

        var dLoss = NonSaturatingAdversarialLoss.Discriminator(Discriminator.forward(x), Discriminator.forward(output.detach()));
        discriminatorOptimizer.ZeroGrad();
        dLoss.backward();
        nn.utils.clip_grad_norm_(Discriminator.parameters(), options.GradientClipNorm);
        discriminatorOptimizer.Step();

        var fake = Discriminator.Features(output);
        IReadOnlyList<Tensor> real;
        using (no_grad())
        {
            real = Discriminator.Features(x).Select(f => f.detach()).ToList();
        }

        var hidden = fake.Count - 1;
        var l1 = HoleWeightedL1Loss.Compute(output, x, holes, options.HoleWeight, 1.0);
        var adversarial = NonSaturatingAdversarialLoss.Generator(fake[^1]);
        var perceptual = PerceptualLoss.Compute(fake.Take(hidden).ToList(), real.Take(hidden).ToList());
        var style = GramStyleLoss.Compute(fake.Take(hidden).ToList(), real.Take(hidden).ToList());
        var gLoss = l1.Plus(adversarial.Times(options.AdversarialWeight)).Plus(perceptual.Times(options.PerceptualWeight)).Plus(style.Times(options.StyleWeight));
        generatorOptimizer.ZeroGrad();
        gLoss.backward();
        nn.utils.clip_grad_norm_(Generator.parameters(), options.GradientClipNorm);
        generatorOptimizer.Step();
        StepsDone++;
        var holeL1 = MeanErrorInHoles(output.detach(), x, holes);
        return new Dictionary<string, double>
        {
            ["total"] = gLoss.item<float>(), ["l1"] = l1.item<float>(), ["holeL1"] = holeL1.item<float>(), ["adv"] = adversarial.item<float>(),
            ["disc"] = dLoss.item<float>(), ["perceptual"] = perceptual.item<float>(), ["style"] = style.item<float>(),
        };
    }

    /// <summary>
    /// Trains until <see cref="StepsDone"/> reaches <paramref name="steps"/> (a resumed trainer continues) on batches of
    /// <paramref name="images"/> [N, C, S, S] drawn from the stream of (seed, step); stops with
    /// <see cref="TrainingDivergedException"/> when a loss is not finite, and between steps when cancelled (after the
    /// loop's checkpoint). Returns the last step's losses.
    /// </summary>
    public IReadOnlyDictionary<string, double> Train(Tensor images, int steps, TrainingLoop? loop = null, CancellationToken cancellationToken = default)
    {
        CheckShape(images);
        loop ??= new TrainingLoop();
        var batches = TrainingBatches.Stream(options.Seed, StepsDone);
        IReadOnlyDictionary<string, double> last = new Dictionary<string, double>();
        while (StepsDone < steps)
        {
            loop.StopIfCancelled(last, cancellationToken);
            using (var scope = NewDisposeScope())
            {
                last = Step(images.index_select(0, TrainingBatches.Draw(batches, images.shape[0], options.BatchSize).to(images.device)));
            }

            Divergence.Check("DeDN", StepsDone, last);
            loop.AfterStep(new TrainingProgress("dedn", StepsDone, steps, last));
        }

        return last;
    }

    /// <summary>A copy of the trained generator in eval mode, on the trainer's device, for a bundle.</summary>
    public DeDnGenerator ExportGenerator()
    {
        var copy = new DeDnGenerator(Generator.Channels, profile);
        copy.to(Device);
        copy.load_state_dict(Generator.state_dict());
        copy.eval();
        return copy;
    }

    /// <summary>Mean |output − x| inside holes drawn with a fixed seed: a repeatable reconstruction figure for validation.</summary>
    public double ReconstructionError(Tensor images, int seed = 12345)
    {
        CheckShape(images);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Generator.eval();
        var x = images.to(Device);
        var holes = SampleHoles((int)x.shape[0], new Random(seed)).to(Device);
        var output = Generator.Inpaint(x, holes, Canny.Detect(x));
        return MeanErrorInHoles(output, x, holes).item<float>();
    }

    /// <summary>Writes generator, discriminator, both optimizers' moments and the step count to <paramref name="directory"/>.</summary>
    public void SaveCheckpoint(string directory)
    {
        Directory.CreateDirectory(directory);
        Generator.save(Path.Combine(directory, GeneratorFile));
        Discriminator.save(Path.Combine(directory, DiscriminatorFile));
        generatorOptimizer.Save(Path.Combine(directory, GeneratorOptimizerFile));
        discriminatorOptimizer.Save(Path.Combine(directory, DiscriminatorOptimizerFile));
        File.WriteAllText(Path.Combine(directory, StateFile), JsonSerializer.Serialize(new Dictionary<string, int> { ["steps"] = StepsDone }));
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/>.</summary>
    public void LoadCheckpoint(string directory)
    {
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath))
        {
            throw new IslModelException($"{directory} holds no DeDN checkpoint ({StateFile} is missing).");
        }

        try
        {
            Generator.load(Path.Combine(directory, GeneratorFile));
            Discriminator.load(Path.Combine(directory, DiscriminatorFile));
            generatorOptimizer.LoadIfPresent(Path.Combine(directory, GeneratorOptimizerFile));
            discriminatorOptimizer.LoadIfPresent(Path.Combine(directory, DiscriminatorOptimizerFile));
            var state = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(statePath));
            StepsDone = state is not null && state.TryGetValue("steps", out var steps) ? steps : 0;
        }
        catch (Exception e) when (e is not IslModelException)
        {
            throw new IslModelException($"Cannot restore the DeDN checkpoint in {directory}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        Generator.Dispose();
        Discriminator.Dispose();
        passMasks.Dispose();
    }

    private Tensor SampleHoles(int count, Random rng)
    {
        if (options.Grid.Mode == GridMode.Autoencoder)
        {
            return zeros(count, 1, size, size);
        }

        var picks = new List<Tensor>();
        for (var i = 0; i < count; i++)
        {
            if (rng.NextDouble() < 0.8)
            {
                picks.Add(passMasks[rng.Next((int)passMasks.shape[0])]);
                continue;
            }

            var rect = zeros(1, size, size);
            int h = rng.Next(size / 8, (size / 3) + 1), w = rng.Next(size / 8, (size / 3) + 1);
            int top = rng.Next(size - h), left = rng.Next(size - w);
            rect[.., top..(top + h), left..(left + w)] = ones(1, h, w);
            picks.Add(rect);
        }

        return stack(picks, 0);
    }

    // Mean |output − x| per pixel and channel where reconstruction is judged: the holes, or the whole slice for an
    // autoencoder (which has none).
    private Tensor MeanErrorInHoles(Tensor output, Tensor x, Tensor holes)
    {
        var area = options.Grid.Mode == GridMode.Autoencoder ? ones_like(holes) : holes;
        return ((output - x).abs() * area).sum() / area.sum().Times(x.shape[1]).AtLeast(1);
    }

    private void CheckShape(Tensor images)
    {
        if (images.dim() != 4 || images.shape[1] != Generator.Channels || images.shape[2] != size || images.shape[3] != size)
        {
            throw new IslModelException($"DeDN training expects [B, {Generator.Channels}, {size}, {size}] images, got [{string.Join(", ", images.shape)}].");
        }
    }
}
