using System.Globalization;
using System.Text.Json;
using Isl.Testing;
using Isl.Trainer.Tests.Support;

namespace Isl.Trainer.Tests.Cli;

public sealed class EvaluateAndCalibrateCommandTests
{
    private static string WriteScores(TempDirectory temp)
    {
        var path = temp.Combine("scores.csv");
        var random = new Random(3);
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,scan,slice,score,disorder");
        for (var i = 0; i < 40; i++)
        {
            var disorder = i % 4 == 0;
            var score = (disorder ? 0.6 : 0.2) + (random.NextDouble() * 0.5);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\"case, {i}\",scan{i},0,{score},{(disorder ? 1 : 0)}"));
        }

        writer.WriteLine("unlabelled,scanX,0,0.5,");
        return path;
    }

    [Fact]
    public async Task EvaluateWritesMetricsReportScoresAndRocPlot()
    {
        using var temp = new TempDirectory();
        var scores = WriteScores(temp);
        var outDir = temp.Combine("out");

        var code = await TrainerCli.RunAsync("evaluate", "--scores", scores, "--out", outDir, "--threshold", "0.6", "--bootstrap", "200", "--seed", "4");

        Assert.Equal(0, code);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "metrics.json")));
        var auroc = metrics.RootElement.GetProperty("auroc").GetDouble();
        Assert.InRange(auroc, 0.7, 1.0);
        var ci = metrics.RootElement.GetProperty("aurocCi95").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(auroc, ci[0], ci[1]);
        var slice = metrics.RootElement.GetProperty("groups")[0].GetProperty("sliceLevel");
        Assert.Equal(40, slice.GetProperty("count").GetInt32());
        Assert.Equal(10, slice.GetProperty("disorders").GetInt32());
        Assert.True(slice.TryGetProperty("sensitivity", out _));
        var report = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.Contains("| all | scan | 40 | 30 | 10 |", report, StringComparison.Ordinal);
        Assert.Contains("0.6 (command line)", report, StringComparison.Ordinal);
        var png = File.ReadAllBytes(Path.Combine(outDir, "roc-scan.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(42, File.ReadAllLines(Path.Combine(outDir, "scores.csv")).Length);
    }

    [Fact]
    public async Task CalibrateChoosesTheHarmonicMeanThresholdOrASpecificityTarget()
    {
        using var temp = new TempDirectory();
        var scores = WriteScores(temp);

        Assert.Equal(0, await TrainerCli.RunAsync("calibrate", "--scores", scores, "--out", temp.Combine("hm.json")));
        using var hm = JsonDocument.Parse(File.ReadAllText(temp.Combine("hm.json")));
        Assert.Equal("harmonic-mean", hm.RootElement.GetProperty("rule").GetString());
        Assert.InRange(hm.RootElement.GetProperty("threshold").GetDouble(), 0.2, 1.1);

        Assert.Equal(0, await TrainerCli.RunAsync("calibrate", "--scores", scores, "--specificity", "0.9", "--out", temp.Combine("sp.json")));
        using var sp = JsonDocument.Parse(File.ReadAllText(temp.Combine("sp.json")));
        Assert.Equal("specificity-target", sp.RootElement.GetProperty("rule").GetString());
        Assert.True(sp.RootElement.GetProperty("counts").GetProperty("specificity").GetDouble() >= 0.9);
    }

    [Fact]
    public async Task BadInputGivesAnErrorExitNotACrash()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("bad.csv"), "id,scan,slice,score,disorder\na,b,0,notanumber,1\n");
        Assert.Equal(1, await TrainerCli.RunAsync("evaluate", "--scores", temp.Combine("bad.csv"), "--out", temp.Combine("o")));
        Assert.Equal(1, await TrainerCli.RunAsync("evaluate", "--scores", temp.Combine("missing.csv"), "--out", temp.Combine("o")));
        Assert.Equal(1, await TrainerCli.RunAsync("evaluate", "--out", temp.Combine("o")));
        Assert.Equal(1, await TrainerCli.RunAsync("prepare", "--data", temp.Combine("nope"), "--out", temp.Combine("c")));
    }

    [Fact]
    public async Task PrepareListsTheBrokenFileAndGoesOn()
    {
        using var source = new TempDirectory();
        using var cache = new TempDirectory();
        SyntheticPngSet.Write(source.Path, normals: 3, disorders: 1, size: 32);
        File.WriteAllText(source.Combine("normal", "broken.png"), "garbage");
        File.AppendAllText(source.Combine("labels.csv"), "normal/broken.png,0\n");

        Assert.Equal(0, await TrainerCli.RunAsync("prepare", "--data", source.Path, "--out", cache.Path, "--size", "32"));

        var rejected = File.ReadAllLines(cache.Combine("rejected.csv"));
        Assert.Equal("normal/broken.png", rejected[1].Split(',')[0]);
        Assert.Equal(4, Isl.Trainer.Data.SliceCache.Open(cache.Path).Entries.Count);
    }
}
