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
            var all = root.GetProperty("pointing").EnumerateArray().First();
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
        Assert.Contains("plain autoencoder", report, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(temp.Combine("out", "summary.json")));
        Assert.True(summary.RootElement.GetProperty("parts").TryGetProperty("real", out _));
    }
}
