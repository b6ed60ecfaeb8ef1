using Isl.Model.Heatmaps;
using System.CommandLine;
using Isl.Model.Drn;
using Isl.Trainer.Data;
using Isl.Trainer.Evaluation;
using Isl.Trainer.Evaluation.Pointing;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary><c>isl-trainer evaluate</c>: score a labelled folder with a bundle (or read scores) and report AUROC with CIs.</summary>
internal static class EvaluateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var bundle = new Option<string?>("--bundle") { Description = "The model bundle folder to score with" };
        var data = new Option<string?>("--data") { Description = "A labelled folder: PNGs with labels.csv (like kaggle-head-ct-dev) or DICOM study folders with labels.csv" };
        var scores = new Option<string?>("--scores") { Description = "Instead of --bundle/--data: a scores.csv from an earlier evaluate (id,scan,slice,score,disorder)" };
        var output = new Option<string>("--out") { Description = "Folder for metrics.json, report.md, scores.csv, ROC PNGs (and pointing.csv with --pointing)", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Threshold for sensitivity/specificity (default: the bundle's calibrated one)" };
        var topK = new Option<int>("--top-k") { Description = "Scan score = mean of the k highest slice scores (0 = mean of all, the paper)", DefaultValueFactory = _ => 0 };
        var pooling = new Option<string?>("--pooling") { Description = "Scan score from slice scores: mean (the paper), topk (with --top-k, default 3) or max; default: the bundle's own (mean for --scores)" };
        pooling.AcceptOnlyFromAmong("mean", "topk", "max");
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed", DefaultValueFactory = _ => 0 };
        var iterations = new Option<int>("--bootstrap") { Description = "Bootstrap subsamples (the paper: 1000)", DefaultValueFactory = _ => AurocBootstrap.PaperIterations };
        var allScores = new Option<bool>("--all-scores") { Description = "Also write scores-Drn.csv, scores-DScore.csv and scores-Apds.csv from the same scoring pass (evaluate each later with --scores)" };
        var pointing = new Option<bool>("--pointing") { Description = "The pointing game: is the heatmap maximum inside the lesion mask (phantom studies: labels.json/mask.u8.gz; image folders: masks/<rest>.png)?" };
        var options = new ScoringCommandOptions();
        var command = new Command("evaluate", "Slice- and scan-level AUROC with the paper's bootstrap 95% CI, sensitivity/specificity at the threshold, per label group; ROC PNGs")
        {
            bundle, data, scores, output, threshold, topK, pooling, seed, iterations, pointing, allScores,
        };
        options.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var outDir = parse.GetValue(output)!;
            var scored = ScoredInputs.Load(parse.GetValue(bundle), parse.GetValue(data), parse.GetValue(scores), outDir, options.Read(parse), token, parse.GetValue(pointing));
            var request = new EvaluationRequest
            {
                Slices = scored.Slices,
                LabelNames = scored.LabelNames,
                SliceLevelLabels = scored.SliceLevelLabels,
                Pooling = parse.GetValue(pooling) is { } mode ? ScanPooling.Parse(mode, parse.GetValue(topK))
                    : parse.GetValue(topK) > 0 ? ScanPooling.TopK(parse.GetValue(topK))
                    : scored.BundlePooling ?? ScanPooling.Mean,
                Threshold = parse.GetValue(threshold) ?? scored.Threshold,
                ThresholdSource = parse.GetValue(threshold) is not null ? "command line" : scored.Threshold is not null ? "bundle calibration" : null,
                Seed = parse.GetValue(seed),
                Iterations = parse.GetValue(iterations),
                Context = scored.Context,
                Rejected = scored.Rejected,
            };
            var metrics = request.Evaluate();
            if (parse.GetValue(pointing))
            {
                var entries = scored.Slices.Select(s => s.Entry).ToArray();
                var peaks = scored.HeatmapPeaks ?? throw new TrainerException("--pointing needs --bundle and --data (phantom studies or image folders with masks), not --scores.");
                var game = entries.All(e => PngDatasetPreparer.ImagePatterns.Any(p => e.Source.EndsWith(p[1..], StringComparison.OrdinalIgnoreCase)))
                    ? ImageMaskPointing.Play(entries, peaks, scored.LabelNames, scored.HeatmapStrengths)
                    : PointingGame.Play(entries, peaks, scored.HeatmapStrengths);
                var normals = Enumerable.Range(0, entries.Length).Where(i => entries[i].Labels is not null && !entries[i].IsDisorder).ToArray();
                var level = scored.HeatmapColourLevel;
                metrics = metrics with
                {
                    Pointing = game with
                    {
                        NormalSlices = normals.Length,
                        NormalColoured = normals.Count(i => peaks[i].Value > 0),
                        LesionColoured = level is { } l ? game.Lesions.Count(s => s.LesionStrength > l) : null,
                    },
                };
            }

            EvaluationReportWriter.Write(outDir, metrics, scored.Slices, scored.LabelNames);
            if (parse.GetValue(allScores))
            {
                foreach (var (kind, slices) in scored.ScoresByKind ?? throw new TrainerException("--all-scores needs --bundle and --data, not --scores."))
                {
                    ScoresFile.Write(Path.Combine(outDir, $"scores-{kind}.csv"), slices, scored.LabelNames);
                }
            }
            ProblemListing.Print(scored.Rejected);
            PrintSummary(metrics, outDir);
            return 0;
        }, ct));
        return command;
    }

    private static void PrintSummary(EvaluationMetrics metrics, string outDir)
    {
        var table = new Table().AddColumns("group", "level", "n", "AUROC", "95% CI", "sens", "spec");
        foreach (var group in metrics.Groups)
        {
            foreach (var (level, m) in new[] { ("scan", group.ScanLevel), ("slice", group.SliceLevel) })
            {
                if (m is null)
                {
                    continue;
                }

                table.AddRow(
                    Markup.Escape(group.Label),
                    level,
                    $"{m.Count} ({m.Disorders} disorder)",
                    m.Auroc is { } a ? $"{a.Estimate:0.000}" : "n/a",
                    m.Auroc is { } b ? $"{b.Lower:0.000}–{b.Upper:0.000}" : "n/a",
                    m.Sensitivity is { } se ? $"{se:P1}" : "n/a",
                    m.Specificity is { } sp ? $"{sp:P1}" : "n/a");
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {Path.Combine(outDir, EvaluationReportWriter.MetricsFile)} and {EvaluationReportWriter.ReportFile}");
    }
}
