using Isl.Model.Bundles;
using Isl.Model.Dedn;
using Isl.Model.Drn;
using Isl.Model.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Isl.Model.Training;

/// <summary>
/// The whole training recipe in one call, from the same steps the trainer CLI's verbs run one at a time (<c>train
/// dedn</c>, <c>train drn</c>, <c>export</c>): <see cref="DeDnTrainer.Train"/> on normals → <see cref="DrnTrainingInputs"/>
/// (difference images of the normals and of their cutout views) → <see cref="DrnTrainer.Train"/> (MoCo, centre,
/// compactness/discrimination) → a <see cref="ModelBundle"/> with a fresh device UID. No checkpoints: for tests and
/// in-memory experiments.
/// </summary>
public static class IslPipelineTrainer
{
    /// <summary>Trains a bundle from prepared normal images [N, C, S, S] and head masks [N, 1, S, S].</summary>
    public static ModelBundle Train(Tensor images, Tensor masks, PipelineTrainingOptions options, Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var channels = options.Preprocessing.Channels;
        if (images.dim() != 4 || images.shape[1] != channels || images.shape[2] != options.Profile.Size || masks.shape[0] != images.shape[0])
        {
            throw new IslModelException($"Training expects images [N, {channels}, {options.Profile.Size}, {options.Profile.Size}] with one mask each.");
        }

        var loop = new TrainingLoop { Progress = progress };
        DeDnGenerator? generator = null;
        var perceptualSource = "none";
        Tensor normals, positives;
        using var scope = NewDisposeScope();
        if (options.DrnInput == DrnInput.Difference)
        {
            using var dedn = new DeDnTrainer(channels, options.Profile, options.DeDn, options.Device);
            dedn.Train(images, options.DeDnSteps, loop, cancellationToken);
            generator = dedn.ExportGenerator();
            perceptualSource = DeDnTrainer.PerceptualSource;
            (normals, positives) = DrnTrainingInputs.Compute(images, masks, options.Drn.Seed, (generator, dedn.Canny, options.DeDn.Grid));
        }
        else
        {
            (normals, positives) = DrnTrainingInputs.Compute(images, masks, options.Drn.Seed, null);
        }

        using var drn = new DrnTrainer(channels, options.Profile, options.Drn with { Input = options.DrnInput }, options.Device);
        drn.Train(normals, positives, masks, loop, cancellationToken);
        var encoder = drn.ExportEncoder();
        var manifest = new ModelManifest
        {
            ModelId = options.ModelId,
            ModelVersion = options.ModelVersion,
            DeviceUid = ModelBundle.NewDeviceUid(),
            CreatedUtc = DateTimeOffset.UtcNow,
            Profile = options.Profile,
            Preprocessing = options.Preprocessing,
            Grid = options.DeDn.Grid,
            CannySigma = options.DeDn.CannySigma,
            DrnInput = options.DrnInput,
            Center = drn.Center!,
            ScanPooling = options.ScanPooling,
            Heatmap = options.Heatmap,
            PerceptualSource = perceptualSource,
            Training = options.TrainingData,
        };
        return ModelBundle.Create(manifest, generator, encoder);
    }
}
