using System.Text.Json.Nodes;
using Isl.Model.Bundles;
using Isl.Model.Dedn;
using Isl.Model.Heatmaps;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.Model.Training;
using Isl.Testing;

namespace Isl.Model.Tests.Bundles;

public sealed class ModelBundleTests : IClassFixture<ModelBundleTests.TrainedBundle>
{
    private readonly TrainedBundle trained;

    public ModelBundleTests(TrainedBundle trained) => this.trained = trained;

    [Fact]
    public void Save_then_load_gives_identical_scores_and_the_manifest_records_the_model()
    {
        var slices = trained.Slices;
        using var first = new IslScorer(ModelBundle.Load(trained.Directory, DeviceOption.Cpu));
        var a = first.Score(slices);
        var b = first.Score(slices);
        using var second = IslScorer.Load(trained.Directory, DeviceOption.Cpu);
        var c = second.Score(slices);
        Assert.Equal(a.SliceScores, b.SliceScores);
        Assert.Equal(a.SliceScores, c.SliceScores);
        Assert.Equal(a.ScanScore, c.ScanScore);
        Assert.Equal(a.Heatmaps[0], c.Heatmaps[0]);
        Assert.Equal(slices.Count, a.Apds.Count);
        Assert.All(a.SliceScores, s => Assert.True(double.IsFinite(s) && s >= 0));
        Assert.Null(a.IsAbnormal);

        var manifest = second.Bundle.Manifest;
        Assert.StartsWith("2.25.", manifest.DeviceUid);
        Assert.Equal("tiny", manifest.Profile.Name);
        Assert.Equal(manifest.Profile.EmbeddingDim, manifest.Center.Length);
        Assert.Equal(2, manifest.Files.Count);
        Assert.Equal(DeDnTrainer.PerceptualSource, manifest.PerceptualSource);

        // Exact and fast grids are both selectable at scoring time.
        using var fast = IslScorer.Load(trained.Directory, DeviceOption.Cpu, new ScoringOptions { GridMode = GridMode.Fast });
        Assert.Equal(4, fast.Grid.PassesPerSlice);
        Assert.Equal(slices.Count, fast.Score(slices).SliceScores.Count);
    }

    [Fact]
    public void Each_slice_keeps_the_strength_map_its_peak_is_the_maximum_of_and_nothing_outside_the_heatmap_area()
    {
        using var scorer = IslScorer.Load(trained.Directory, DeviceOption.Cpu);
        var result = scorer.Score(trained.Slices);
        Assert.Equal(trained.Slices.Count, result.HeatmapStrengths.Count);
        for (var i = 0; i < result.HeatmapStrengths.Count; i++)
        {
            var (strength, peak) = (result.HeatmapStrengths[i], result.HeatmapPeaks[i]);
            Assert.Equal(result.HeatmapSize * result.HeatmapSize, strength.Length);
            Assert.Equal(peak.Strength, strength.Max());
            Assert.Equal(peak.Strength, strength[(peak.Row * peak.Size) + peak.Column]);
            // The air around the phantom head lies outside the heatmap area; everything inside is a finite strength.
            Assert.Contains(strength, float.IsNegativeInfinity);
            Assert.All(strength, v => Assert.True(float.IsFinite(v) || float.IsNegativeInfinity(v)));
        }
    }

    [Fact]
    public void Calibration_updates_the_manifest_and_flags_scans()
    {
        using var copy = trained.CopyBundle();
        ModelBundle.UpdateManifest(copy.Path, m => m with { Thresholds = new BundleThresholds { Scan = 0, Method = "test" } });
        using var scorer = IslScorer.Load(copy.Path, DeviceOption.Cpu);
        Assert.True(scorer.Score(trained.Slices).IsAbnormal);
    }

    [Fact]
    public void Calibrated_heatmap_statistics_are_refused_for_an_area_they_were_not_fitted_on()
    {
        using var copy = trained.CopyBundle();
        var fitted = new HeatmapSettings { Mode = HeatmapSettings.CalibratedMode, Polarity = HeatmapSettings.BrighterPolarity, Reference = HeatmapSettings.AreaReference, ExcludeBone = true };
        ModelBundle.SaveNormalResidual(copy.Path, new NormalResidual(Enumerable.Repeat(0.01f, 1024).ToArray(), Enumerable.Repeat(0.02f, 1024).ToArray(), 32, 3), fitted);

        using (var same = IslScorer.Load(copy.Path, DeviceOption.Cpu, new ScoringOptions { Heatmap = fitted }))
        {
            Assert.Equal(trained.Slices.Count, same.Score(trained.Slices).Heatmaps.Count);
        }

        // The statistics were fitted over the whole effective area: colouring only the skull's interior needs them fitted again.
        var error = Assert.Throws<IslModelException>(() => IslScorer.Load(copy.Path, DeviceOption.Cpu, new ScoringOptions { Heatmap = fitted with { IntracranialOnly = true } }));
        Assert.Contains("the whole effective area", error.Message, StringComparison.Ordinal);
        Assert.Throws<IslModelException>(() => IslScorer.Load(copy.Path, DeviceOption.Cpu, new ScoringOptions { Heatmap = fitted with { ExcludeBone = false } }));
    }

    [Fact]
    public void A_corrupted_weight_file_fails_with_a_clear_error()
    {
        using var copy = trained.CopyBundle();
        var weights = Path.Combine(copy.Path, ModelBundle.EncoderFile);
        var bytes = File.ReadAllBytes(weights);
        bytes[^10] ^= 0xFF;
        File.WriteAllBytes(weights, bytes);
        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy.Path, DeviceOption.Cpu));
        Assert.Contains("corrupted", error.Message);
        File.Delete(weights);
        Assert.Contains("missing", Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy.Path, DeviceOption.Cpu)).Message);
    }

    [Theory]
    [InlineData("schemaVersion", "99", "schema version 99")]
    [InlineData("center", "[1, 2]", "centre c has 2 values")]
    [InlineData("format", "\"something-else\"", "not an isl-model-bundle manifest")]
    public void A_mismatched_manifest_fails_with_a_clear_error(string field, string json, string expected)
    {
        using var copy = trained.CopyBundle();
        var path = Path.Combine(copy.Path, ModelBundle.ManifestFile);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        node[field] = JsonNode.Parse(json);
        File.WriteAllText(path, node.ToJsonString());
        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy.Path, DeviceOption.Cpu));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Weights_that_do_not_fit_the_profile_fail_with_a_clear_error()
    {
        using var copy = trained.CopyBundle();
        ModelBundle.UpdateManifest(copy.Path, m => m with { Profile = m.Profile with { GeneratorWidths = [4, 8, 16] } });
        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy.Path, DeviceOption.Cpu));
        Assert.Contains("do not fit", error.Message);
        Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy.Combine("nowhere"), DeviceOption.Cpu));
        File.WriteAllText(Path.Combine(copy.Path, ModelBundle.ManifestFile), "{ not json");
        Assert.Throws<ModelBundleException>(() => ModelBundle.Load(copy.Path, DeviceOption.Cpu));
    }

    [Fact]
    public void Hu_slices_are_scored_in_slice_normal_order_and_wrong_inputs_fail()
    {
        using var scorer = IslScorer.Load(trained.Directory, DeviceOption.Cpu);
        var hu = new float[40 * 40];
        Array.Fill(hu, -1000f);
        for (var r = 8; r < 32; r++)
        {
            for (var c = 10; c < 30; c++)
            {
                hu[(r * 40) + c] = 35;
            }
        }

        // This tiny bundle is gray-mode; HU input must be refused clearly.
        var slices = new[] { 10.0, 0.0, 5.0 }.Select(z => new HuSlice(hu, 40, 40, new SliceGeometry([1, 0, 0, 0, 1, 0], [0, 0, z]))).ToList();
        Assert.Throws<IslModelException>(() => scorer.ScoreHu(slices));
        Assert.Throws<IslModelException>(() => scorer.Score([]));
    }

    public sealed class TrainedBundle : IDisposable
    {
        private readonly TempDirectory root = new("isl-bundle");

        public TrainedBundle()
        {
            var profile = NetworkProfile.Tiny with { Size = 32 };
            var (images, masks) = SyntheticSlices.Heads(8, 32, seed: 21);
            var options = new PipelineTrainingOptions
            {
                Profile = profile,
                Preprocessing = PreprocessingSettings.ForGray(32),
                DeDn = new DeDnTrainingOptions { BatchSize = 2, Grid = new GridSettings { K = 4 } },
                DeDnSteps = 3,
                Drn = new Isl.Model.Drn.DrnTrainingOptions { PretrainSteps = 2, Steps = 2, BatchSize = 4 },
                ModelId = "test",
                TrainingData = new TrainingDataSummary { Slices = 8, Hash = TrainingDataSummary.HashOf(["a", "b"]) },
                Device = DeviceOption.Cpu,
            };
            using var bundle = IslPipelineTrainer.Train(images, masks, options);
            Directory = root.Combine("bundle");
            bundle.Save(Directory);
            var imageData = images.data<float>().ToArray();
            var maskData = masks.data<float>().ToArray();
            Slices = Enumerable.Range(0, 3).Select(i => new PreparedSlice(imageData.AsSpan(i * 1024, 1024).ToArray(), maskData.AsSpan(i * 1024, 1024).ToArray(), 1, 32)).ToList();
        }

        public string Directory { get; }

        public IReadOnlyList<PreparedSlice> Slices { get; }

        public TempDirectory CopyBundle()
        {
            var copy = new TempDirectory("isl-bundle-copy");
            foreach (var file in System.IO.Directory.GetFiles(Directory))
            {
                File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
            }

            return copy;
        }

        public void Dispose() => root.Dispose();
    }
}
