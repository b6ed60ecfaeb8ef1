using Isl.Model;
using Isl.Model.Bundles;
using Isl.Model.Edges;
using Isl.Model.Inference;
using Isl.Model.Onnx;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.Phantoms;
using Isl.Testing;
using static TorchSharp.torch;

namespace Isl.Trainer.Tests.ShippedModel;

/// <summary>
/// The onnx engine against the torch engine on the bundles the product ships (samples/models/head-ct and the demo's
/// head-ct-demo): their ONNX files are what the exporter writes from their .bin weights today, and ONNX Runtime (CPU)
/// gives the same x_dd, slice scores and heatmaps as TorchSharp within float32 rounding of different kernels.
/// </summary>
public sealed class OnnxEngineTests
{
    /// <summary>Largest |Δ| of x_dd (values in [0, 1]) between the engines (measured: 2.4e-5 head-ct, 1.8e-6 demo).</summary>
    private const double ImageTolerance = 2e-4;

    /// <summary>Largest relative Δ of slice scores (DRN distance, D-score, APDS) and the scan score (measured: DRN 3.0e-5 head-ct, 3.7e-6 demo).</summary>
    private const double ScoreTolerance = 3e-4;

    /// <summary>Largest |Δ| of a heatmap pixel (maps are in [0, 1]).</summary>
    private const double HeatmapTolerance = 1e-3;

    public static TheoryData<string> Bundles => new() { "head-ct", "head-ct-demo" };

    [Theory]
    [MemberData(nameof(Bundles))]
    public void The_shipped_onnx_files_are_what_export_writes_from_the_weights(string name)
    {
        using var copy = new TempDirectory();
        var shipped = RepositoryPaths.Bundle(name);
        foreach (var file in Directory.GetFiles(shipped))
        {
            File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        }

        var before = ModelBundle.ReadManifest(shipped);
        var after = ModelBundle.SaveOnnx(copy.Path);
        Assert.True(before.Files.ContainsKey(OnnxExport.GeneratorFile) && before.Files.ContainsKey(OnnxExport.EncoderFile), $"{name} ships no ONNX networks: run `isl-trainer export --onnx --out samples/models/{name}`");
        Assert.Equal(before.Files, after.Files);
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Onnx_runtime_gives_the_same_x_dd_as_torchsharp(string name)
    {
        var (torchScorer, onnxScorer) = BothEngines(name);
        using var disposeTorch = torchScorer;
        using var disposeOnnx = onnxScorer;
        var path = RepositoryPaths.Bundle(name);
        var slices = PhantomSlices(torchScorer.Preprocessor, 4);
        using var scope = NewDisposeScope();
        var images = SliceBatch.Images(slices, CPU);
        var canny = new CannyEdgeDetector(torchScorer.Bundle.Manifest.CannySigma);
        var torchXdd = new GridInpainter(torchScorer.Bundle.Generator!.Inpaint, canny.Detect, torchScorer.Grid, 32).Reconstruct(images);
        using var onnx = OnnxScoringNetworks.Load(path, torchScorer.Bundle.Manifest, DeviceOption.Cpu, 2);
        var onnxXdd = new GridInpainter(onnx.Inpaint!, canny.Detect, torchScorer.Grid, 32).Reconstruct(images);
        var delta = (torchXdd - onnxXdd).abs().max().item<float>();
        Assert.True(delta <= ImageTolerance, $"{name}: x_dd differs by up to {delta:E2} (tolerance {ImageTolerance:E0})");
        Assert.True(torchXdd.std().item<float>() > 0.01, "x_dd is flat: the comparison would prove nothing");
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Onnx_runtime_gives_the_same_slice_scores_and_heatmaps_as_torchsharp(string name)
    {
        var (torchScorer, onnxScorer) = BothEngines(name);
        using var disposeTorch = torchScorer;
        using var disposeOnnx = onnxScorer;
        var slices = PhantomSlices(torchScorer.Preprocessor, 6);
        var expected = torchScorer.Score(slices);
        var actual = onnxScorer.Score(slices);
        AssertClose(expected.DrnScores, actual.DrnScores, "DRN distance");
        AssertClose(expected.DScores, actual.DScores, "D-score");
        AssertClose(expected.Apds, actual.Apds, "APDS");
        AssertClose([expected.ScanScore], [actual.ScanScore], "scan score");
        Assert.Equal(expected.Scored, actual.Scored);
        var heat = expected.Heatmaps.Zip(actual.Heatmaps).Max(p => p.First.Zip(p.Second).Max(v => Math.Abs(v.First - v.Second)));
        Assert.True(heat <= HeatmapTolerance, $"{name}: heatmaps differ by up to {heat:E2} (tolerance {HeatmapTolerance:E0})");
        Assert.True(expected.Heatmaps.Any(m => m.Max() > 0.05), "every heatmap is empty: the comparison would prove nothing");
    }

    [Fact]
    public void Cuda_without_a_cuda_provider_fails_with_one_clear_line()
    {
        var path = RepositoryPaths.Bundle("head-ct-demo");
        var error = Assert.ThrowsAny<IslModelException>(() => IslScorer.Load(path, DeviceOption.Parse("cuda:1"), new ScoringOptions { Engine = InferenceEngine.Onnx }));
        Assert.Contains("Device 'cuda:1' was asked for", error.Message);
        Assert.Contains("-p:IslOnnxBackend=cuda", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    // The shipped bundle's scorer in each engine, both on the CPU with 2 threads.
    private static (IslScorer Torch, IslScorer Onnx) BothEngines(string name)
    {
        TorchRuntime.SetThreads(2);
        var path = RepositoryPaths.Bundle(name);
        var torch = IslScorer.Load(path, DeviceOption.Cpu);
        var onnx = IslScorer.Load(path, DeviceOption.Cpu, new ScoringOptions { Engine = InferenceEngine.Onnx, Threads = 2 });
        Assert.Equal("torch on cpu", torch.Networks);
        Assert.Equal("onnx CPUExecutionProvider", onnx.Networks);
        return (torch, onnx);
    }

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var relative = Math.Abs(expected[i] - actual[i]) / Math.Max(Math.Abs(expected[i]), 1e-6);
            Assert.True(relative <= ScoreTolerance, $"{what} of slice {i}: torch {expected[i]:R}, onnx {actual[i]:R} (relative Δ {relative:E2}, tolerance {ScoreTolerance:E0})");
        }
    }

    // Mid-brain slices of a phantom with a haemorrhage, prepared for the bundle.
    private static List<PreparedSlice> PhantomSlices(SlicePreprocessor preprocessor, int count)
    {
        var study = PhantomGenerator.Generate(new PhantomSpec
        {
            Seed = 4243,
            Cohort = "ABNORMAL",
            SliceCount = 12,
            Lesions = [new LesionRequest(LesionType.IntraparenchymalHemorrhage, LesionSize.Large)],
        });
        var first = (study.SliceCount - count) / 2;
        return Enumerable.Range(first, count).Select(i =>
        {
            var hu = study.HounsfieldSlice(i);
            var values = new float[hu.Length];
            for (var p = 0; p < hu.Length; p++)
            {
                values[p] = hu[p];
            }

            return preprocessor.FromHu(values, study.Rows, study.Columns);
        }).ToList();
    }
}
