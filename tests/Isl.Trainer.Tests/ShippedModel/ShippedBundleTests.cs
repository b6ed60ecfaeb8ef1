using Isl.Model.Bundles;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.Phantoms;

namespace Isl.Trainer.Tests.ShippedModel;

/// <summary>The model the agent ships by default (samples/models/head-ct): real, calibrated, and it scores DICOM.</summary>
public sealed class ShippedBundleTests
{
    private static string BundlePath() => RepositoryPaths.Bundle("head-ct");

    [Fact]
    public void It_is_a_calibrated_brain_only_model_trained_on_real_scans_that_scores_dicom()
    {
        var manifest = ModelBundle.ReadManifest(BundlePath());
        Assert.NotEqual("isl-head-ct-png", manifest.ModelId);
        Assert.NotEqual("isl-head-ct-demo", manifest.ModelId);
        Assert.True(manifest.Thresholds.Scan is > 0, "the shipped bundle has no calibrated scan threshold");
        Assert.Null(manifest.Preprocessing.HuInputProblem());
        Assert.Equal(EffectiveArea.Intracranial, manifest.Preprocessing.EffectiveArea);
        Assert.True(manifest.Preprocessing.Size >= 128, $"trained at {manifest.Preprocessing.Size}², the issue asks for at least 128²");
        Assert.True(manifest.Training.Studies >= 28, $"trained on {manifest.Training.Studies} scans");
    }

    [Fact]
    public void A_phantom_lesion_slice_scores_above_its_normal_twin_and_air_is_not_scored()
    {
        TorchRuntime.SetThreads(2);
        using var scorer = IslScorer.Load(BundlePath(), DeviceOption.Cpu);
        var lesion = PhantomGenerator.Generate(new PhantomSpec
        {
            Seed = 4242,
            Cohort = "ABNORMAL",
            SliceCount = 12,
            Lesions = [new LesionRequest(LesionType.IntraparenchymalHemorrhage, LesionSize.Large)],
        });
        var twin = PhantomGenerator.Generate(lesion.Spec with { Cohort = "NORMAL", Lesions = [] });
        var index = Enumerable.Range(0, lesion.SliceCount).MaxBy(i => Count(lesion.MaskSlice(i)));
        Assert.True(Count(lesion.MaskSlice(index)) > 0, "the phantom has no lesion pixels");
        var air = new HuSlice(Enumerable.Repeat(-1000f, lesion.Rows * lesion.Columns).ToArray(), lesion.Rows, lesion.Columns);
        var withLesion = scorer.ScoreHu([Slice(lesion, index), air]);
        var normal = scorer.ScoreHu([Slice(twin, index)]);
        Assert.Equal([true, false], withLesion.Scored);
        Assert.True(withLesion.SliceScores[0] > normal.SliceScores[0], $"lesion slice {withLesion.SliceScores[0]:0.###} ≤ its normal twin {normal.SliceScores[0]:0.###}");
    }

    private static HuSlice Slice(PhantomStudy study, int index)
    {
        var hu = study.HounsfieldSlice(index);
        var values = new float[hu.Length];
        for (var i = 0; i < hu.Length; i++)
        {
            values[i] = hu[i];
        }

        return new HuSlice(values, study.Rows, study.Columns);
    }

    private static int Count(ReadOnlySpan<byte> mask)
    {
        var n = 0;
        foreach (var v in mask)
        {
            n += v != 0 ? 1 : 0;
        }

        return n;
    }
}
