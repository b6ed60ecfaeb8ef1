using System.Diagnostics;
using Isl.Model;
using Isl.Model.Bundles;
using Isl.Model.Dedn;
using Isl.Model.Drn;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using static TorchSharp.torch;

namespace Isl.Bench.Model;

/// <summary>
/// `isl-bench model [--engines torch,onnx] [--device cpu|cuda|cuda:N|auto] [--threads N] [--profiles cpu,paper]
/// [--cpu-slices 32] [--paper-slices 1] [--bundles DIR,DIR] [--bundle-slices 16] [--max-batch 16] [--reference-slices 2]
/// [--peak-gflops G]`:
/// slices/s of full scoring (preprocessed slices → x_dd → x_dif → DRN → heatmaps) per network (a random-weight bundle
/// per profile, exported to ONNX in a temp folder, and each bundle given), grid mode and engine, side by side in one
/// run, with analytic FLOPs per slice and the fraction of the machine's peak (a large torch matmul on the CPU, or the
/// device when torch has it; <c>--peak-gflops</c> names it instead, e.g. a GPU's that torch cannot reach in this build). Off the CPU, each row also gives the largest relative |Δ| of its DRN and D-scores against
/// the same engine on the CPU over the first slices.
/// </summary>
internal static class ModelScoringBenchmark
{
    public static int Run(string[] args)
    {
        var threads = Option(args, "--threads", Environment.ProcessorCount);
        var device = DeviceOption.Parse(Text(args, "--device", "cpu"));
        var engines = Text(args, "--engines", "torch,onnx").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(InferenceEngines.Parse).ToList();
        var profiles = Text(args, "--profiles", "cpu,paper").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var bundles = Text(args, "--bundles", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var maxBatch = Option(args, "--max-batch", 16);
        var referenceSlices = Option(args, "--reference-slices", 2);
        TorchRuntime.SetThreads(threads);
        manual_seed(1);
        var peakDevice = device.Kind != DeviceKind.Cpu && cuda.is_available() ? TorchRuntime.Resolve(device) : CPU;
        Console.WriteLine($"isl-bench model: engines {string.Join(", ", engines).ToLowerInvariant()}, device {device}, {threads} intra-op thread(s), {Environment.ProcessorCount} cores, load {LoadAverage()}");
        var named = Option(args, "--peak-gflops", 0);
        var peak = named > 0 ? named : MatmulPeakGflops(peakDevice);
        Console.WriteLine(named > 0 ? $"peak: {peak} GFLOP/s (--peak-gflops)" : $"peak estimate: float32 2048² matmul on torch {peakDevice.type} = {peak:F1} GFLOP/s");
        Console.WriteLine();
        Console.WriteLine("| network | size | grid | engine | runs in | passes/slice | slices | seconds | slices/s | vs torch | GFLOP/slice | GFLOP/s | % of peak | max rel. Δ vs CPU |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        using var temp = new TemporaryFolder();
        var cases = profiles.Select(name => NetworkProfile.Named(name))
            .Select(p => (Name: $"random {p.Name}", Directory: RandomBundle(p, Path.Combine(temp.Path, p.Name)), Slices: Option(args, $"--{p.Name}-slices", p.Name == "paper" ? 1 : 32)))
            .Concat(bundles.Select(b => (Name: Path.GetFileName(Path.TrimEndingDirectorySeparator(b)), Directory: b, Slices: Option(args, "--bundle-slices", 16))));
        foreach (var (name, directory, count) in cases)
        {
            var manifest = ModelBundle.ReadManifest(directory);
            var slices = SyntheticStudy(count, manifest.Preprocessing.Channels, manifest.Preprocessing.Size);
            foreach (var mode in new[] { GridMode.Exact, GridMode.Fast })
            {
                var grid = manifest.Grid with { Mode = mode };
                var gflop = ((grid.PassesPerSlice * ModelFlops.Generator(manifest.Profile, manifest.Preprocessing.Channels)) + ModelFlops.Drn(manifest.Profile, manifest.Preprocessing.Channels)) / 1e9;
                double? torchRate = null;
                foreach (var engine in engines)
                {
                    var options = new ScoringOptions { Engine = engine, GridMode = mode, MaxBatch = maxBatch, Threads = threads, Heatmaps = false };
                    var prefix = $"| {name} | {manifest.Preprocessing.Size}² | {mode} K={grid.K} | {engine.ToString().ToLowerInvariant()} |";
                    try
                    {
                        var (seconds, networks, delta) = Measure(directory, device, options, slices, referenceSlices);
                        var rate = count / seconds;
                        torchRate = engine == InferenceEngine.Torch ? rate : torchRate;
                        var ratio = torchRate is { } t && engine != InferenceEngine.Torch ? $"{rate / t:F2}×" : "—";
                        var deltaText = delta is { } d ? $"{d:E1}" : "—";
                        Console.WriteLine($"{prefix} {networks} | {grid.PassesPerSlice} | {count} | {seconds:F2} | {rate:F2} | {ratio} | {gflop:F2} | {gflop * rate:F1} | {100 * gflop * rate / peak:F0}% | {deltaText} |");
                    }
                    catch (IslModelException e)
                    {
                        Console.WriteLine($"{prefix} n/a: {e.Message} |||||||||");
                    }
                }
            }
        }

        return 0;
    }

    // Seconds for one scoring of the slices after a warm-up, and (off the CPU) the largest relative Δ of the DRN and
    // D-scores against the same engine on the CPU over the first referenceSlices slices.
    private static (double Seconds, string Networks, double? Delta) Measure(string directory, DeviceOption device, ScoringOptions options, List<PreparedSlice> slices, int referenceSlices)
    {
        using var scorer = IslScorer.Load(directory, device, options);
        var onCpu = scorer.Networks.Contains("CPUExecutionProvider", StringComparison.Ordinal) || scorer.Networks.EndsWith(" cpu", StringComparison.Ordinal);

        // Both engines plan memory (and a GPU picks its convolution algorithms) per batch shape on first use: warm up
        // with every shape the timed run has.
        scorer.Score(slices);
        var watch = Stopwatch.StartNew();
        var result = scorer.Score(slices);
        watch.Stop();
        if (result.SliceScores.Count != slices.Count)
        {
            throw new InvalidOperationException("Scorer returned the wrong number of slices.");
        }

        double? delta = null;
        if (!onCpu)
        {
            using var reference = IslScorer.Load(directory, DeviceOption.Cpu, options);
            var count = Math.Min(referenceSlices, slices.Count);
            var expected = reference.Score(slices.Take(count).ToList());
            delta = Enumerable.Range(0, count)
                .Select(i => Math.Max(Relative(expected.DrnScores[i], result.DrnScores[i]), Relative(expected.DScores[i], result.DScores[i])))
                .Max();
        }

        return (watch.Elapsed.TotalSeconds, scorer.Networks, delta);
    }

    private static double Relative(double expected, double actual) => Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-6);

    // A bundle of untrained networks for the profile (3 HU windows), with its ONNX files.
    private static string RandomBundle(NetworkProfile profile, string directory)
    {
        const int channels = 3;
        var manifest = new ModelManifest
        {
            DeviceUid = ModelBundle.NewDeviceUid(),
            Profile = profile,
            Preprocessing = PreprocessingSettings.ForHu(profile.Size),
            Grid = new GridSettings { K = 4 },
            Center = Enumerable.Repeat(0.01f, profile.EmbeddingDim).ToArray(),
        };
        using (var bundle = ModelBundle.Create(manifest, new DeDnGenerator(channels, profile), new DrnEncoder(channels, profile)))
        {
            bundle.Save(directory);
        }

        ModelBundle.SaveOnnx(directory);
        return directory;
    }

    private static List<PreparedSlice> SyntheticStudy(int count, int channels, int size)
    {
        var random = new Random(3);
        var slices = new List<PreparedSlice>();
        for (var n = 0; n < count; n++)
        {
            var pixels = new float[channels * size * size];
            var mask = new float[size * size];
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                {
                    var inside = Math.Pow((r - (size / 2.0)) / (0.4 * size), 2) + Math.Pow((c - (size / 2.0)) / (0.33 * size), 2) <= 1;
                    mask[(r * size) + c] = inside ? 1 : 0;
                    for (var ch = 0; ch < channels; ch++)
                    {
                        pixels[(ch * size * size) + (r * size) + c] = inside ? (float)(0.4 + (0.1 * random.NextDouble())) : 0;
                    }
                }
            }

            slices.Add(new PreparedSlice(pixels, mask, channels, size));
        }

        return slices;
    }

    private static double MatmulPeakGflops(Device device)
    {
        const int n = 2048;
        using var a = randn(n, n, device: device);
        using var b = randn(n, n, device: device);
        a.matmul(b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            using var c = a.matmul(b);
            _ = c[0, 0].item<float>();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return 2.0 * n * n * n / best / 1e9;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("isl-bench-model-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
