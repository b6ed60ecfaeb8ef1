using System.Diagnostics;
using Isl.Model.Bundles;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using TorchSharp;
using static TorchSharp.torch;

namespace Isl.Bench.Model;

/// <summary>
/// `isl-bench model [--threads N] [--device cpu|cuda] [--cpu-slices 32] [--paper-slices 1] [--profiles cpu,paper]`:
/// slices/s of full scoring (preprocessed slices → x_dd → x_dif → DRN → heatmaps) per profile and grid mode,
/// with analytic FLOPs per slice and the fraction of the machine's peak, estimated by a large matmul in the same run.
/// </summary>
internal static class ModelScoringBenchmark
{
    public static int Run(string[] args)
    {
        var threads = Option(args, "--threads", Environment.ProcessorCount);
        var device = TorchRuntime.ParseDevice(Text(args, "--device", "cpu"));
        var profiles = Text(args, "--profiles", "cpu,paper").Split(',', StringSplitOptions.RemoveEmptyEntries);
        TorchRuntime.SetThreads(threads);
        manual_seed(1);
        var torchDevice = TorchRuntime.Resolve(device);
        Console.WriteLine($"isl-bench model: device {torchDevice.type}, {threads} intra-op thread(s), {Environment.ProcessorCount} cores, load {LoadAverage()}");
        var peak = MatmulPeakGflops(torchDevice);
        Console.WriteLine($"peak estimate: float32 2048² matmul = {peak:F1} GFLOP/s");
        Console.WriteLine();
        Console.WriteLine("| profile | size | grid | passes/slice | slices | seconds | slices/s | GFLOP/slice | GFLOP/s | % of peak |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var name in profiles)
        {
            var profile = NetworkProfile.Named(name);
            var slices = Option(args, $"--{profile.Name}-slices", profile.Name == "paper" ? 1 : 32);
            foreach (var mode in new[] { GridMode.Exact, GridMode.Fast })
            {
                var row = Measure(profile, mode, slices, device);
                Console.WriteLine($"| {profile.Name} | {profile.Size}² | {mode} K=4 | {row.Passes} | {slices} | {row.Seconds:F2} | {slices / row.Seconds:F2} | {row.Gflop:F1} | {row.Gflop * slices / row.Seconds:F1} | {100 * row.Gflop * slices / row.Seconds / peak:F0}% |");
            }
        }

        return 0;
    }

    private static (int Passes, double Seconds, double Gflop) Measure(NetworkProfile profile, GridMode mode, int count, DeviceOption device)
    {
        const int channels = 3;
        var grid = new GridSettings { K = 4, Mode = mode };
        var manifest = new ModelManifest
        {
            DeviceUid = ModelBundle.NewDeviceUid(),
            Profile = profile,
            Preprocessing = PreprocessingSettings.ForHu(profile.Size),
            Grid = grid,
            Center = Enumerable.Repeat(0.01f, profile.EmbeddingDim).ToArray(),
        };
        var torchDevice = TorchRuntime.Resolve(device);
        var generator = new DeDnGenerator(channels, profile);
        generator.to(torchDevice);
        var encoder = new DrnEncoder(channels, profile);
        encoder.to(torchDevice);
        using var scorer = new IslScorer(ModelBundle.Create(manifest, generator, encoder), new ScoringOptions { MaxBatch = 16 });
        var slices = SyntheticStudy(count, profile.Size);
        scorer.Score(slices.Take(1).ToList());
        var watch = Stopwatch.StartNew();
        var result = scorer.Score(slices);
        watch.Stop();
        if (result.SliceScores.Count != count)
        {
            throw new InvalidOperationException("Scorer returned the wrong number of slices.");
        }

        var gflop = ((grid.PassesPerSlice * ModelFlops.Generator(profile, channels)) + ModelFlops.Drn(profile, channels)) / 1e9;
        return (grid.PassesPerSlice, watch.Elapsed.TotalSeconds, gflop);
    }

    private static List<PreparedSlice> SyntheticStudy(int count, int size)
    {
        var random = new Random(3);
        var slices = new List<PreparedSlice>();
        for (var n = 0; n < count; n++)
        {
            var pixels = new float[3 * size * size];
            var mask = new float[size * size];
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                {
                    var inside = Math.Pow((r - (size / 2.0)) / (0.4 * size), 2) + Math.Pow((c - (size / 2.0)) / (0.33 * size), 2) <= 1;
                    mask[(r * size) + c] = inside ? 1 : 0;
                    for (var ch = 0; ch < 3; ch++)
                    {
                        pixels[(ch * size * size) + (r * size) + c] = inside ? (float)(0.4 + (0.1 * random.NextDouble())) : 0;
                    }
                }
            }

            slices.Add(new PreparedSlice(pixels, mask, 3, size));
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
}
