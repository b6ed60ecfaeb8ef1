using System.Text.Json;
using Isl.Testing;

namespace Isl.Trainer.Tests.Evaluation.Script;

/// <summary>Runs samples/evaluation/run-evaluation.sh on its tiny preset so the documented evaluation cannot rot.</summary>
public sealed class EvaluationScriptTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Isl.PacsAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Isl.PacsAgent.sln) is not above the test binaries.");
    }

    private static void AssertSaneMetrics(string path, bool pointing)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        using var metrics = JsonDocument.Parse(File.ReadAllText(path));
        var root = metrics.RootElement;
        var auroc = root.GetProperty("auroc").GetDouble();
        var ci = root.GetProperty("aurocCi95").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(auroc, 0.0, 1.0);
        Assert.Equal(2, ci.Length);
        Assert.InRange(ci[0], 0.0, auroc);
        Assert.InRange(ci[1], auroc, 1.0);
        Assert.True(root.GetProperty("threshold").ValueKind == JsonValueKind.Number, $"{path} has no calibrated threshold");
        if (pointing)
        {
            var pointingFigures = root.GetProperty("pointing");
            Assert.InRange(pointingFigures.GetProperty("hits").GetInt32(), 0, pointingFigures.GetProperty("slices").GetInt32());
            Assert.InRange(pointingFigures.GetProperty("lesionColoured").GetInt32(), 0, pointingFigures.GetProperty("slices").GetInt32());
            var all = pointingFigures.GetProperty("groups").EnumerateArray().First();
            Assert.Equal("all", all.GetProperty("group").GetString());
            Assert.InRange(all.GetProperty("scanHits").GetInt32(), 0, all.GetProperty("scans").GetInt32());
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public void Tiny_preset_writes_the_report_and_sane_metrics_for_every_configuration()
    {
        ExternalTool.Require("python3");
        Assert.True(File.Exists(Path.Combine(SharedData.KaggleHeadCt, "labels.csv")), $"the real data set is missing at {SharedData.KaggleHeadCt}");
        using var temp = new TempDirectory("evaluation-script");
        var root = RepositoryRoot();
        var environment = new Dictionary<string, string>
        {
            ["EVAL_PRESET"] = "tiny",
            ["TRAINER"] = Path.Combine(AppContext.BaseDirectory, "isl-trainer"),
            ["REAL_DATA"] = SharedData.KaggleHeadCt,
            ["ICH_DATA"] = SharedData.CtIchDev,
            ["WORK_DIR"] = temp.Combine("work"),
        };

        var run = ExternalTool.Run("bash", [Path.Combine(root, "samples", "evaluation", "run-evaluation.sh"), temp.Combine("out")], TimeSpan.FromMinutes(12), root, environment);

        Assert.True(run.ExitCode == 0, $"run-evaluation.sh failed ({run.ExitCode}):\n{run.Output}");
        var report = File.ReadAllText(temp.Combine("out", "report.md"));
        Assert.Contains("## Real data", report, StringComparison.Ordinal);
        Assert.Contains("## Synthetic phantoms", report, StringComparison.Ordinal);
        foreach (var config in Directory.GetDirectories(temp.Combine("out", "real")))
        {
            AssertSaneMetrics(Path.Combine(config, "metrics.json"), pointing: false);
        }

        foreach (var config in Directory.GetDirectories(temp.Combine("out", "synthetic")))
        {
            AssertSaneMetrics(Path.Combine(config, "metrics.json"), pointing: true);
        }

        string[] configs = ["ae-dscore", "dscore-fast", "isl-exact", "raw-drn"];
        Assert.Equal(configs, Directory.GetDirectories(temp.Combine("out", "synthetic")).Select(Path.GetFileName).Order());
        Assert.Equal(configs, Directory.GetDirectories(temp.Combine("out", "real")).Select(Path.GetFileName).Order());
        Assert.Equal(configs, Directory.GetDirectories(temp.Combine("out", "ich")).Select(Path.GetFileName).Order());
        Assert.Contains("## Real scans: ct-ich-dev, scan level", report, StringComparison.Ordinal);
        foreach (var config in Directory.GetDirectories(temp.Combine("out", "ich")))
        {
            var metrics = Path.Combine(config, "metrics.json");
            AssertSaneMetrics(metrics, pointing: false);
            using var document = JsonDocument.Parse(File.ReadAllText(metrics));
            Assert.Equal("scan", document.RootElement.GetProperty("labelLevel").GetString());
            Assert.Contains(document.RootElement.GetProperty("groups").EnumerateArray(), g => g.GetProperty("label").GetString() == "hemorrhage");
        }

        // k-fold by scan: a fold's training scans and its test scans never overlap, and every normal scan is tested once.
        var tested = new List<string>();
        foreach (var fold in Directory.GetDirectories(temp.Combine("work", "ich"), "fold*"))
        {
            using var cache = JsonDocument.Parse(File.ReadAllText(Path.Combine(fold, "train", "cache.json")));
            var trained = cache.RootElement.GetProperty("slices").EnumerateArray().Select(s => s.GetProperty("scan").GetString()!).ToHashSet(StringComparer.Ordinal);
            var test = File.ReadAllLines(Path.Combine(fold, "test", "labels.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToList();
            Assert.NotEmpty(trained);
            Assert.NotEmpty(test);
            Assert.Empty(trained.Intersect(test));
            Assert.All(trained, scan => Assert.True(Directory.Exists(Path.Combine(temp.Combine("work", "ich", "data"), scan)), $"{scan} is not a scan folder"));
            tested.AddRange(test.Where(t => File.ReadAllLines(Path.Combine(fold, "test", "labels.csv")).Any(l => l.StartsWith(t + ",", StringComparison.Ordinal) && !l[(t.Length + 1)..].Contains('1'))));
        }

        Assert.Equal(tested.Count, tested.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("plain autoencoder", report, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(temp.Combine("out", "summary.json")));
        Assert.True(summary.RootElement.GetProperty("parts").TryGetProperty("real", out _));
    }
}
