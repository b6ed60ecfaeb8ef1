using System.Globalization;
using System.Text;
using System.Text.Json;
using Isl.Trainer.Data;
using Isl.Trainer.Evaluation.Pointing;

namespace Isl.Trainer.Evaluation;

/// <summary>Writes an evaluation's files: <c>metrics.json</c>, <c>report.md</c>, <c>scores.csv</c>, ROC PNGs and, after a pointing game, <c>pointing.csv</c>.</summary>
public static class EvaluationReportWriter
{
    /// <summary>The metrics file name.</summary>
    public const string MetricsFile = "metrics.json";

    /// <summary>The Markdown report's file name.</summary>
    public const string ReportFile = "report.md";

    /// <summary>The per-slice scores' file name.</summary>
    public const string ScoresFile = "scores.csv";

    /// <summary>The pointing game's per-lesion-slice file name.</summary>
    public const string PointingFile = "pointing.csv";

    /// <summary>Writes every file into <paramref name="outDirectory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string outDirectory, EvaluationMetrics metrics, IReadOnlyList<ScoredSlice> slices, IReadOnlyList<string> labelNames)
    {
        Directory.CreateDirectory(outDirectory);
        var written = new List<string>();
        var metricsPath = Path.Combine(outDirectory, MetricsFile);
        File.WriteAllText(metricsPath, JsonSerializer.Serialize(metrics, SliceCacheJson.Options));
        written.Add(metricsPath);

        var scoresPath = Path.Combine(outDirectory, ScoresFile);
        Evaluation.ScoresFile.Write(scoresPath, slices, labelNames);
        written.Add(scoresPath);
        if (metrics.Pointing is { Lesions.Count: > 0 } played)
        {
            var pointingPath = Path.Combine(outDirectory, PointingFile);
            WritePointing(pointingPath, played.Lesions);
            written.Add(pointingPath);
        }

        var plots = new List<(string Title, string File)>();
        foreach (var (level, select) in new (string, Func<GroupMetrics, LevelMetrics?>)[] { ("scan", g => g.ScanLevel), ("slice", g => g.SliceLevel) })
        {
            var curves = metrics.Groups
                .Select(g => (g.Label, Level: select(g)))
                .Where(c => c.Level is { Roc.Count: > 0 })
                .ToDictionary(c => $"{c.Label} (AUROC {c.Level!.Auroc!.Estimate:0.000})", c => c.Level!.Roc);
            if (curves.Count == 0 || (level == "slice" && metrics.LabelLevel != "slice"))
            {
                continue;
            }

            var file = $"roc-{level}.png";
            RocPlot.SavePng(Path.Combine(outDirectory, file), $"ROC, {level} level", curves);
            written.Add(Path.Combine(outDirectory, file));
            plots.Add(($"{level} level", file));
        }

        var reportPath = Path.Combine(outDirectory, ReportFile);
        File.WriteAllText(reportPath, Markdown(metrics, plots));
        written.Add(reportPath);
        return written;
    }

    /// <summary>The Markdown report text.</summary>
    public static string Markdown(EvaluationMetrics metrics, IReadOnlyList<(string Title, string File)> plots)
    {
        var md = new StringBuilder();
        md.AppendLine("# ISL evaluation report").AppendLine();
        foreach (var (key, value) in metrics.Context)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {key}: {value}");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"- labels per: {metrics.LabelLevel}; scan score: {metrics.ScanPooling}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- threshold: {(metrics.Threshold is { } t ? $"{t:G6} ({metrics.ThresholdSource})" : "none (uncalibrated bundle)")}");
        var ci = metrics.Groups.Select(g => g.ScanLevel.Auroc).FirstOrDefault();
        if (ci is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- AUROC 95% CI: bootstrap, {ci.Iterations} stratified subsamples of {ci.SampleFraction:P0} of each class, seed {ci.Seed}");
        }

        md.AppendLine().AppendLine("| group | level | n | normal | disorder | AUROC | 95% CI | sensitivity | specificity |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|---:|---:|");
        foreach (var group in metrics.Groups)
        {
            Row(md, group.Label, "scan", group.ScanLevel);
            if (group.SliceLevel is { } slice)
            {
                Row(md, group.Label, "slice", slice);
            }
        }

        foreach (var (title, file) in plots)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"![ROC, {title}]({file})");
        }

        if (metrics.Pointing is { Groups.Count: > 0 } pointing)
        {
            md.AppendLine().AppendLine("## Pointing game (heatmap maximum inside the lesion mask)").AppendLine();
            md.AppendLine("| group | scans | scan hits | scan rate | lesion slices | slice hits | slice rate |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var tally in pointing.Groups)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {tally.Group} | {tally.Scans} | {tally.ScanHits} | {Percent(tally.ScanRate)} | {tally.Slices} | {tally.SliceHits} | {Percent(tally.SliceRate)} |");
            }

            if (pointing.NormalSlices > 0)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Normal slices with any heatmap colour: {pointing.NormalColoured} of {pointing.NormalSlices} ({Percent(pointing.NormalColourRate)}).");
            }

            if (pointing.LesionColoured is { } coloured)
            {
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Lesion slices with any heatmap colour on the lesion: {coloured} of {pointing.Slices} ({Percent(pointing.LesionColourRate)}).");
            }

            if (pointing.Lesions.Count > 0)
            {
                var misses = pointing.Lesions.Where(l => !l.Hit).ToArray();
                var outside = misses.Count(l => l.LesionStrength is null);
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                    $"Per lesion slice: [{PointingFile}]({PointingFile}) (where the maximum fell, and the strongest heatmap value on the lesion itself). Of {misses.Length} misses, {outside} have no heatmap pixel on the lesion where colour may show.");
            }
        }

        if (metrics.Rejected.Count > 0)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Skipped inputs ({metrics.Rejected.Count})").AppendLine();
            foreach (var problem in metrics.Rejected)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{problem.Path}`: {problem.Reason}");
            }
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string group, string level, LevelMetrics m)
    {
        var auroc = m.Auroc is { } a ? a.Estimate.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
        var ci = m.Auroc is { } b ? $"{b.Lower:0.000}–{b.Upper:0.000}" : "n/a";
        md.AppendLine(CultureInfo.InvariantCulture, $"| {group} | {level} | {m.Count} | {m.Normals} | {m.Disorders} | {auroc} | {ci} | {Percent(m.Sensitivity)} | {Percent(m.Specificity)} |");
    }

    // One row per lesion slice; the lesion's strength is empty where no heatmap pixel covers it.
    private static void WritePointing(string path, IReadOnlyList<PointingSlice> lesions)
    {
        using var csv = new StreamWriter(path);
        csv.WriteLine("id,scan,hit,peak_row,peak_column,peak_strength,lesion_strength,lesion_pixels");
        foreach (var l in lesions)
        {
            csv.WriteLine(string.Join(',',
                CsvLine.Quote(l.Id), CsvLine.Quote(l.Scan), l.Hit ? "1" : "0",
                l.PeakRow.ToString(CultureInfo.InvariantCulture), l.PeakColumn.ToString(CultureInfo.InvariantCulture),
                l.PeakStrength.ToString("0.####", CultureInfo.InvariantCulture),
                l.LesionStrength?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
                l.LesionPixels.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
}
