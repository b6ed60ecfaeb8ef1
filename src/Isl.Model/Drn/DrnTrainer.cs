using System.Text.Json;
using Isl.Model.Drn;
using Isl.Model.Networks;
using Isl.Model.Runtime;
using Isl.Model.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Isl.Model.Drn;

/// <summary>
/// Trains the DRN on DRN inputs (difference images, or raw images for the ablation): MoCo pre-training with a
/// momentum key encoder and a queue of negatives, then the centre c = mean embedding of normals, then
/// λc·(‖h − c‖² + ‖h⁻ − c‖²) + λd·(−log(1 − exp(−‖h⁺ − c‖²))) with h⁻ rotation/flip views and h⁺ cutout views.
/// </summary>
public sealed class DrnTrainer : IDisposable
{
    private const string WeightsFile = "drn_encoder.bin";
    private const string StateFile = "drn_state.json";
    private const string OptimizerFile = "drn_adam.bin";
    private readonly DrnTrainingOptions options;
    private readonly int channels;
    private readonly NetworkProfile profile;
    private readonly DrnEncoder keyEncoder;
    private readonly AdamOptimizer optimizer;
    private readonly Random random;
    private Tensor queue;
    private long queuePointer;
    private Tensor? center;

    /// <summary>Creates a trainer for inputs with <paramref name="channels"/> channels.</summary>
    public DrnTrainer(int channels, NetworkProfile profile, DrnTrainingOptions options, DeviceOption device = default)
    {
        this.options = options;
        Device = TorchRuntime.Resolve(device);
        manual_seed(options.Seed);
        random = new Random(options.Seed);
        this.channels = channels;
        this.profile = profile;
        Encoder = new DrnEncoder(channels, profile);
        Encoder.to(Device);
        keyEncoder = new DrnEncoder(channels, profile);
        keyEncoder.to(Device);
        keyEncoder.load_state_dict(Encoder.state_dict());
        foreach (var p in keyEncoder.parameters())
        {
            p.requires_grad = false;
        }

        optimizer = new AdamOptimizer(Encoder.parameters(), options.LearningRate);
        queue = nn.functional.normalize(randn(options.QueueSize, profile.EmbeddingDim, device: Device), dim: 1);
    }

    /// <summary>The device in use.</summary>
    public Device Device { get; }

    /// <summary>The encoder being trained.</summary>
    public DrnEncoder Encoder { get; }

    /// <summary>The fitted centre c (null before <see cref="FitCenter"/>).</summary>
    public float[]? Center => center?.to(CPU).data<float>().ToArray();

    /// <summary>Steps done (pre-training plus SVDD).</summary>
    public int StepsDone { get; private set; }

    /// <summary>One MoCo step on a batch [B, C, S, S]; returns the InfoNCE loss.</summary>
    public double PretrainStep(Tensor batch)
    {
        using var scope = NewDisposeScope();
        Encoder.train();
        var x = batch.to(Device);
        var q = nn.functional.normalize(Encoder.forward(Augment(x)), dim: 1);
        Tensor k;
        using (no_grad())
        {
            k = nn.functional.normalize(keyEncoder.forward(Augment(x)), dim: 1);
        }

        var positive = (q * k).sum([1L], keepdim: true);
        var negative = q.matmul(queue.t());
        var logits = cat([positive, negative], 1).DividedBy(options.Temperature);
        var labels = zeros(logits.shape[0], dtype: ScalarType.Int64, device: Device);
        var loss = nn.functional.cross_entropy(logits, labels);
        optimizer.ZeroGrad();
        loss.backward();
        optimizer.Step();
        using (no_grad())
        {
            foreach (var (pk, pq) in keyEncoder.parameters().Zip(Encoder.parameters()))
            {
                pk.mul_(TorchScalars.Real(options.Momentum)).add_(pq.detach(), TorchScalars.Real(1 - options.Momentum));
            }

            Enqueue(k);
        }

        StepsDone++;
        return loss.item<float>();
    }

    /// <summary>Sets c to the mean embedding of <paramref name="normals"/> (coordinates near zero pushed to ±0.01).</summary>
    public void FitCenter(Tensor normals)
    {
        using var scope = NewDisposeScope();
        var h = Embed(normals);
        var c = h.mean([0L]);
        var small = c.abs().BelowMask(0.01);
        c = where(small, where(c.BelowMask(0), TorchScalars.FullLike(c, -0.01), TorchScalars.FullLike(c, 0.01)), c);
        center?.Dispose();
        center = c.detach().MoveToOuterDisposeScope();
    }

    /// <summary>Uses a known centre (e.g. from a checkpoint).</summary>
    public void SetCenter(float[] values)
    {
        center?.Dispose();
        center = tensor(values, device: Device);
    }

    /// <summary>One compactness/discrimination step; <paramref name="positives"/> null → cutout views of the normals.</summary>
    public IReadOnlyDictionary<string, double> Step(Tensor normals, Tensor? positives, Tensor? masks = null)
    {
        var c = center ?? throw new IslModelException("Fit the centre (FitCenter) before the compactness/discrimination steps.");
        using var scope = NewDisposeScope();
        Encoder.train();
        var x = normals.to(Device);
        var plus = positives?.to(Device) ?? AnomalyViews.Cutout(x, masks?.to(Device), random, options.Input == DrnInput.Difference);
        var minus = AnomalyViews.RotateFlip(x, random);
        var h = Encoder.forward(cat([x, minus, plus], 0));
        var n = x.shape[0];
        var d2 = (h - c).Squared().sum([1L]);
        var compact = d2.narrow(0, 0, 2 * n).mean();
        var dPlus = d2.narrow(0, 2 * n, plus.shape[0]);
        var discriminate = (-log(-expm1(-dPlus.AtLeast(1e-6)))).mean();
        var loss = compact.Times(options.LambdaCompact).Plus(discriminate.Times(options.LambdaDiscriminate));
        optimizer.ZeroGrad();
        loss.backward();
        nn.utils.clip_grad_norm_(Encoder.parameters(), options.GradientClipNorm);
        optimizer.Step();
        StepsDone++;
        return new Dictionary<string, double>
        {
            ["loss"] = loss.item<float>(), ["compact"] = compact.item<float>(), ["discriminate"] = discriminate.item<float>(),
        };
    }

    /// <summary>
    /// The whole schedule until <see cref="StepsDone"/> reaches pre-training + steps (a resumed trainer continues): MoCo
    /// pre-training, centre c fitted on the normals' embeddings, compactness/discrimination. Each step draws one batch of
    /// indices from the stream of (seed, step) and takes the same rows of <paramref name="normals"/>,
    /// <paramref name="positives"/> and <paramref name="masks"/>. Stops with <see cref="TrainingDivergedException"/> when a
    /// loss is not finite, and between steps when cancelled (after the loop's checkpoint). Returns the last step's losses.
    /// </summary>
    /// <param name="normals">Normal DRN inputs [N, C, S, S].</param>
    /// <param name="positives">Abnormal views [N, C, S, S] paired with the normals (e.g. difference images of their cutout views); null → cutout views drawn at each step.</param>
    /// <param name="masks">Optional head masks [N, 1, S, S] that bound the cutouts.</param>
    /// <param name="loop">Progress, notes and checkpoints.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public IReadOnlyDictionary<string, double> Train(Tensor normals, Tensor? positives, Tensor? masks, TrainingLoop? loop = null, CancellationToken cancellationToken = default)
    {
        if (normals.shape[0] < 2)
        {
            throw new IslModelException("DRN training needs at least 2 normal inputs.");
        }

        loop ??= new TrainingLoop();
        var total = options.PretrainSteps + options.Steps;
        var batches = TrainingBatches.Stream(options.Seed, StepsDone);
        IReadOnlyDictionary<string, double> last = new Dictionary<string, double>();
        while (StepsDone < total)
        {
            loop.StopIfCancelled(last, cancellationToken);
            if (StepsDone >= options.PretrainSteps && center is null)
            {
                // Outside any dispose scope of ours: the trainer keeps the centre tensor.
                FitCenter(normals);
                loop.Note?.Invoke("centre c fitted on the normals' embeddings");
            }

            using (var scope = NewDisposeScope())
            {
                var index = TrainingBatches.Draw(batches, normals.shape[0], options.BatchSize);
                last = StepsDone < options.PretrainSteps
                    ? new Dictionary<string, double> { ["infonce"] = PretrainStep(normals.index_select(0, index.to(normals.device))) }
                    : Step(normals.index_select(0, index.to(normals.device)), positives?.index_select(0, index.to(positives.device)), masks?.index_select(0, index.to(masks.device)));
            }

            var phase = StepsDone <= options.PretrainSteps ? "drn-pretrain" : "drn";
            Divergence.Check(phase, StepsDone, last);
            loop.AfterStep(new TrainingProgress(phase, StepsDone, total, last));
        }

        if (center is null)
        {
            FitCenter(normals);
        }

        return last;
    }

    /// <summary>A copy of the trained encoder in eval mode, on the trainer's device, for a bundle.</summary>
    public DrnEncoder ExportEncoder()
    {
        var copy = new DrnEncoder(channels, profile);
        copy.to(Device);
        copy.load_state_dict(Encoder.state_dict());
        copy.eval();
        return copy;
    }

    /// <summary>Embeddings h [N, D] (eval mode, no gradients, batched).</summary>
    public Tensor Embed(Tensor inputs) => DrnScoring.Embed(Encoder, inputs, Device, options.BatchSize * 2);

    /// <summary>Slice scores ‖h − c‖.</summary>
    public double[] Score(Tensor inputs)
    {
        var c = center ?? throw new IslModelException("The DRN has no centre yet.");
        using var scope = NewDisposeScope();
        return DrnScoring.Distances(Embed(inputs), c);
    }

    /// <summary>Writes the encoder, its optimizer's moments, the centre and the step count to <paramref name="directory"/>.</summary>
    public void SaveCheckpoint(string directory)
    {
        Directory.CreateDirectory(directory);
        Encoder.save(Path.Combine(directory, WeightsFile));
        optimizer.Save(Path.Combine(directory, OptimizerFile));
        var state = new DrnCheckpointState(StepsDone, Center);
        File.WriteAllText(Path.Combine(directory, StateFile), JsonSerializer.Serialize(state));
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/> (the key encoder restarts from the encoder).</summary>
    public void LoadCheckpoint(string directory)
    {
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath))
        {
            throw new IslModelException($"{directory} holds no DRN checkpoint ({StateFile} is missing).");
        }

        try
        {
            Encoder.load(Path.Combine(directory, WeightsFile));
            keyEncoder.load_state_dict(Encoder.state_dict());
            optimizer.LoadIfPresent(Path.Combine(directory, OptimizerFile));

            var state = JsonSerializer.Deserialize<DrnCheckpointState>(File.ReadAllText(statePath))
                ?? throw new IslModelException($"{statePath} is empty.");
            StepsDone = state.Steps;
            if (state.Center is { } c)
            {
                SetCenter(c);
            }
        }
        catch (Exception e) when (e is not IslModelException)
        {
            throw new IslModelException($"Cannot restore the DRN checkpoint in {directory}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        optimizer.Dispose();
        Encoder.Dispose();
        keyEncoder.Dispose();
        queue.Dispose();
        center?.Dispose();
    }

    private Tensor Augment(Tensor x)
    {
        var view = AnomalyViews.RotateFlip(x, random);
        var scale = 0.8 + (0.4 * random.NextDouble());
        using var scaleScalar = TorchScalars.Temporary(scale);
        return view.mul(scaleScalar).Plus(randn_like(view).Times(0.02));
    }

    private void Enqueue(Tensor keys)
    {
        var size = queue.shape[0];
        var count = Math.Min(keys.shape[0], size);
        using var slots = TorchScalars.Range(queuePointer, queuePointer + count, Device).remainder(TorchScalars.Integer(size));
        queue.index_copy_(0, slots, keys.narrow(0, 0, count));
        queuePointer = (queuePointer + count) % size;
    }
}
