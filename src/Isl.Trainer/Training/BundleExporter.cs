using Isl.Model.Bundles;
using Isl.Model.Dedn;
using Isl.Model.Drn;
using Isl.Model.Networks;
using Isl.Model.Training;

namespace Isl.Trainer.Training;

/// <summary><c>export</c>: builds a model bundle (manifest + weights) from a DRN run and the DeDN run it used.</summary>
public static class BundleExporter
{
    /// <summary>Writes the bundle of the DRN run in <paramref name="drnRunDirectory"/> to <paramref name="bundleDirectory"/>.</summary>
    public static ModelManifest Export(string drnRunDirectory, string bundleDirectory, BundleExportOptions options)
    {
        var drnInfo = TrainingRunInfo.Read(drnRunDirectory, "drn");
        if (drnInfo.Status != "complete")
        {
            throw new TrainerException($"The DRN run in {drnRunDirectory} is '{drnInfo.Status}' at step {drnInfo.StepsDone} of {drnInfo.StepsPlanned}; finish it with `train drn --resume` before exporting.");
        }

        var channels = drnInfo.Preprocessing.Channels;
        DeDnGenerator? generator = null;
        string perceptualSource = "none";
        if (drnInfo.DrnInput == DrnInput.Difference)
        {
            var dednRun = drnInfo.DeDnRun ?? throw new TrainerException($"{drnRunDirectory} names no DeDN run.");
            var dednInfo = TrainingRunInfo.Read(dednRun, "dedn");
            using var dedn = DeDnCheckpoint.LoadGenerator(dednRun, dednInfo, options.Device);
            generator = dedn.ExportGenerator();
            perceptualSource = DeDnTrainer.PerceptualSource;
        }

        using var drn = new DrnTrainer(channels, drnInfo.Profile, new DrnTrainingOptions { Input = drnInfo.DrnInput }, options.Device);
        drn.LoadCheckpoint(TrainingRunInfo.CheckpointOf(drnRunDirectory));
        var encoder = drn.ExportEncoder();
        var manifest = new ModelManifest
        {
            ModelId = options.ModelId,
            ModelVersion = options.ModelVersion,
            DeviceUid = ModelBundle.NewDeviceUid(),
            CreatedUtc = DateTimeOffset.UtcNow,
            Profile = drnInfo.Profile,
            Preprocessing = drnInfo.Preprocessing,
            Grid = drnInfo.Grid,
            CannySigma = drnInfo.CannySigma,
            DrnInput = drnInfo.DrnInput,
            Center = drn.Center ?? throw new TrainerException($"The DRN checkpoint in {drnRunDirectory} has no centre c."),
            ScanPooling = options.ScanPooling,
            PerceptualSource = perceptualSource,
            Training = drnInfo.TrainingData with { Notes = $"{drnInfo.TrainingData.Notes}; DRN {drnInfo.StepsDone} steps, seed {drnInfo.Seed}" },
        };
        using var bundle = ModelBundle.Create(manifest, generator, encoder);
        bundle.Save(bundleDirectory);
        return bundle.Manifest;
    }
}
