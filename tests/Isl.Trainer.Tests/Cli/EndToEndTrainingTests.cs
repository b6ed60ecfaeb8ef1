using System.Globalization;
using System.Text.Json;
using Isl.Model.Bundles;
using Isl.Model.Inference;
using Isl.Model.Onnx;
using Isl.Testing;
using Isl.Trainer.Tests.Support;
using Isl.Trainer.Training;

namespace Isl.Trainer.Tests.Cli;

public sealed class EndToEndTrainingTests
{
    private static readonly string[] Runtime = ["--device", "cpu", "--threads", "2"];

    // A labelled 64² PNG set in temp/data and the slice cache of its normals in temp/normals; returns the data folder.
    private static async Task<string> PrepareNormalsAsync(TempDirectory temp, int normals, int disorders, int seed)
    {
        var data = temp.Combine("data");
        SyntheticPngSet.Write(data, normals, disorders, size: 64, seed);
        Assert.Equal(0, await TrainerCli.RunAsync("prepare", "--data", data, "--out", temp.Combine("normals"), "--size", "64", "--select", "normals"));
        return data;
    }

    [Fact]
    public async Task PrepareTrainCalibrateEvaluateOnATinySyntheticSet()
    {
        using var temp = new TempDirectory();
        var data = await PrepareNormalsAsync(temp, normals: 8, disorders: 4, seed: 5);
        Assert.Equal(0, await TrainerCli.RunAsync(["train", "dedn", "--data", temp.Combine("normals"), "--out", temp.Combine("dedn"), "--profile", "tiny", "--steps", "4", "--batch", "4", "--checkpoint-every", "2", "--seed", "3", .. Runtime]));
        Assert.Equal(0, await TrainerCli.RunAsync(["train", "drn", "--data", temp.Combine("normals"), "--dedn", temp.Combine("dedn"), "--out", temp.Combine("drn"), "--pretrain-steps", "3", "--steps", "4", "--batch", "4", "--seed", "3", "--model-id", "e2e-test", .. Runtime]));
        var bundle = temp.Combine("drn", "bundle");
        Assert.Equal("e2e-test", ModelBundle.ReadManifest(bundle).ModelId);
        Assert.Equal("complete", TrainingRunInfo.Read(temp.Combine("dedn"), "dedn").Status);

        Assert.Equal(0, await TrainerCli.RunAsync(["calibrate", "--bundle", bundle, "--data", data, "--level", "slice", "--work", temp.Combine("calibration"), .. Runtime]));
        var thresholds = ModelBundle.ReadManifest(bundle).Thresholds;
        Assert.NotNull(thresholds.Scan);
        Assert.Contains("harmonic-mean", thresholds.Method, StringComparison.Ordinal);

        Assert.Equal(0, await TrainerCli.RunAsync(["evaluate", "--bundle", bundle, "--data", data, "--out", temp.Combine("eval"), "--bootstrap", "100", .. Runtime]));
        using var metrics = JsonDocument.Parse(File.ReadAllText(temp.Combine("eval", "metrics.json")));
        Assert.InRange(metrics.RootElement.GetProperty("auroc").GetDouble(), 0.0, 1.0);
        Assert.Equal(thresholds.Scan, metrics.RootElement.GetProperty("threshold").GetDouble());
        Assert.True(File.Exists(temp.Combine("eval", "roc-slice.png")));
        Assert.Equal(13, File.ReadAllLines(temp.Combine("eval", "scores.csv")).Length);

        // ONNX twins added to the trained bundle score the same through the onnx engine.
        Assert.NotEqual(0, await TrainerCli.RunAsync("export", "--out", bundle));
        Assert.Equal(0, await TrainerCli.RunAsync("export", "--onnx", "--out", bundle));
        Assert.Contains(OnnxExport.GeneratorFile, ModelBundle.ReadManifest(bundle).Files.Keys);
        Assert.Contains(OnnxExport.EncoderFile, ModelBundle.ReadManifest(bundle).Files.Keys);
        Assert.Equal(0, await TrainerCli.RunAsync(["evaluate", "--bundle", bundle, "--data", data, "--out", temp.Combine("eval-onnx"), "--bootstrap", "100", "--engine", "onnx", .. Runtime]));
        var torchRows = File.ReadAllLines(temp.Combine("eval", "scores.csv"));
        var onnxRows = File.ReadAllLines(temp.Combine("eval-onnx", "scores.csv"));
        Assert.Equal(torchRows.Length, onnxRows.Length);
        foreach (var (torchRow, onnxRow) in torchRows.Zip(onnxRows))
        {
            foreach (var (a, b) in torchRow.Split(',').Zip(onnxRow.Split(',')))
            {
                if (double.TryParse(a, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, CultureInfo.InvariantCulture, out var y))
                {
                    Assert.True(Math.Abs(x - y) <= 1e-3 * Math.Max(Math.Abs(x), 1e-3), $"torch {torchRow} vs onnx {onnxRow}");
                }
                else
                {
                    Assert.Equal(a, b);
                }
            }
        }
    }

    [Fact]
    public async Task AnAutoencoderRunGivesABundleThatScoresInTheAutoencoderGridMode()
    {
        using var temp = new TempDirectory();
        var data = await PrepareNormalsAsync(temp, normals: 6, disorders: 2, seed: 6);
        Assert.Equal(0, await TrainerCli.RunAsync(["train", "dedn", "--autoencoder", "--data", temp.Combine("normals"), "--out", temp.Combine("ae"), "--profile", "tiny", "--steps", "3", "--batch", "4", "--seed", "3", .. Runtime]));
        var info = TrainingRunInfo.Read(temp.Combine("ae"), "dedn");
        Assert.Equal(GridMode.Autoencoder, info.Grid.Mode);
        Assert.True(double.IsFinite(info.Figures["reconstructionError"]) && info.Figures["reconstructionError"] > 0);
        Assert.Equal(0, await TrainerCli.RunAsync(["train", "drn", "--data", temp.Combine("normals"), "--dedn", temp.Combine("ae"), "--out", temp.Combine("drn"), "--pretrain-steps", "2", "--steps", "2", "--batch", "4", "--seed", "3", .. Runtime]));
        Assert.Equal(GridMode.Autoencoder, ModelBundle.ReadManifest(temp.Combine("drn", "bundle")).Grid.Mode);

        Assert.Equal(0, await TrainerCli.RunAsync(["evaluate", "--bundle", temp.Combine("drn", "bundle"), "--data", data, "--out", temp.Combine("eval"), "--score", "DScore", "--bootstrap", "50", .. Runtime]));
        var scores = File.ReadAllLines(temp.Combine("eval", "scores.csv")).Skip(1).Select(line => double.Parse(line.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(8, scores.Count);
        Assert.All(scores, score => Assert.True(double.IsFinite(score) && score > 0, $"D-score {score}"));
    }

    [Fact]
    public void CancellationStopsWithACheckpointThatResumeReads()
    {
        using var temp = new TempDirectory();
        SyntheticPngSet.Write(temp.Combine("data"), normals: 6, disorders: 0, size: 32, seed: 2);
        Isl.Trainer.Data.PngDatasetPreparer.Prepare(temp.Combine("data"), temp.Combine("cache"), new Isl.Trainer.Data.PreparationOptions { Size = 32 });
        var options = new DeDnRunOptions { Profile = "tiny", Steps = 2, BatchSize = 2, CheckpointEvery = 1, Seed = 3, Device = Isl.Model.Runtime.DeviceOption.Cpu };

        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            Assert.Throws<OperationCanceledException>(() => DeDnRun.Run(temp.Combine("cache"), temp.Combine("run"), options, null, cancelled.Token));
        }

        var stopped = TrainingRunInfo.Read(temp.Combine("run"), "dedn");
        Assert.Equal(("stopped", 0), (stopped.Status, stopped.StepsDone));

        Assert.True(File.Exists(temp.Combine("run", "checkpoint", "dedn_state.json")));
        using var trainer = Isl.Trainer.Training.DeDnCheckpoint.LoadGenerator(temp.Combine("run"), stopped, Isl.Model.Runtime.DeviceOption.Cpu);
        Assert.Equal(0, trainer.StepsDone);
        Assert.Throws<TrainerException>(() => TrainingRunInfo.Read(temp.Combine("run"), "drn"));
    }
}
