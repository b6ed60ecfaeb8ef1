using System.CommandLine;
using System.Text.Json;
using Isl.Model.Drn;
using Isl.Trainer.Data;
using Isl.Trainer.Evaluation;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary><c>isl-trainer calibrate</c>: choose the decision threshold (paper: max harmonic mean of sensitivity and specificity).</summary>
internal static class CalibrateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var bundle = new Option<string?>("--bundle") { Description = "The bundle to calibrate (its threshold is written into the manifest)" };
        var data = new Option<string?>("--data") { Description = "A labelled validation folder (PNGs or DICOM studies with labels.csv); normals only with --specificity" };
        var scores = new Option<string?>("--scores") { Description = "Instead of --data: a scores.csv from evaluate" };
        var specificity = new Option<double?>("--specificity") { Description = "Use the lowest threshold reaching this specificity on the normals (for sites without labelled disorders), e.g. 0.95" };
        var level = new Option<string>("--level") { Description = "Calibrate on slice or scan scores", DefaultValueFactory = _ => "scan" };
        level.AcceptOnlyFromAmong("slice", "scan");
        var output = new Option<string?>("--out") { Description = "Also write the choice as JSON to this file" };
        var pooling = new Option<string>("--pooling") { Description = "Scan score from slice scores: mean (the paper), topk (with --top-k, default 3) or max; written into the bundle with the threshold", DefaultValueFactory = _ => "mean" };
        pooling.AcceptOnlyFromAmong("mean", "topk", "max");
        var topK = new Option<int>("--top-k") { Description = "k of --pooling topk", DefaultValueFactory = _ => 0 };
        var work = new Option<string?>("--work") { Description = "Scratch folder for the prepared validation slices (default: a temp folder)" };
        var options = new ScoringCommandOptions();
        var command = new Command("calibrate", "Choose the threshold: max harmonic mean of sensitivity and specificity on labelled data, or a target specificity on normals")
        {
            bundle, data, scores, specificity, level, pooling, topK, output, work,
        };
        options.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var workDir = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), $"isl-calibrate-{Guid.NewGuid():N}");
            var scored = ScoredInputs.Load(parse.GetValue(scores) is null ? parse.GetValue(bundle) : null, parse.GetValue(data), parse.GetValue(scores), workDir, options.Read(parse), token);
            var scanPooling = ScanPooling.Parse(parse.GetValue(pooling)!, parse.GetValue(topK));
            var outcomes = Outcomes(scored, parse.GetValue(level) == "scan", scanPooling);
            var choice = parse.GetValue(specificity) is { } target
                ? ThresholdSelection.AtSpecificity(Enumerable.Range(0, outcomes.Count).Where(i => !outcomes.Disorders[i]).Select(i => outcomes.Scores[i]).ToArray(), target)
                : ThresholdSelection.MaximiseHarmonicMean(outcomes);
            AnsiConsole.MarkupLineInterpolated($"[green]threshold[/] {choice.Threshold:G6} ({choice.Rule}, {parse.GetValue(level)} level): sensitivity {Format(choice.Counts.Sensitivity)}, specificity {Format(choice.Counts.Specificity)} on {outcomes.Count} samples");
            if (parse.GetValue(output) is { } path)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(choice, SliceCacheJson.Options));
            }

            if (parse.GetValue(bundle) is { } bundlePath)
            {
                var oneSlicePerScan = scored.Slices.Select(s => s.Entry.Scan).Distinct(StringComparer.Ordinal).Count() == scored.Slices.Count;
                BundleCalibration.Write(bundlePath, choice, parse.GetValue(level)!, oneSlicePerScan, options.Read(parse).Score ?? scored.ScoreKind ?? Isl.Model.Bundles.ModelBundle.ReadManifest(bundlePath).SliceScore, scanPooling);
                AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] the threshold into {bundlePath}");
            }

            return 0;
        }, ct));
        return command;
    }

    /// <summary>The labelled outcomes at slice or scan level (scan scores pooled by <paramref name="pooling"/>, the mean by default).</summary>
    internal static BinaryOutcomes Outcomes(ScoredInputs scored, bool scanLevel, ScanPooling? pooling = null)
    {
        var labelled = scored.Slices.Where(s => s.Entry.Labels is not null).ToArray();
        if (labelled.Length == 0)
        {
            throw new TrainerException("The calibration set has no labels.");
        }

        if (!scanLevel)
        {
            return new BinaryOutcomes(labelled.Select(s => s.Score).ToArray(), labelled.Select(s => s.Entry.IsDisorder).ToArray());
        }

        var scans = labelled.GroupBy(s => s.Entry.Scan, StringComparer.Ordinal).ToArray();
        return new BinaryOutcomes(scans.Select(g => (pooling ?? ScanPooling.Mean).Pool(g.Select(s => s.Score))).ToArray(), scans.Select(g => g.Any(s => s.Entry.IsDisorder)).ToArray());
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
}
