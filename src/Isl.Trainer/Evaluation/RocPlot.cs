namespace Isl.Trainer.Evaluation;

/// <summary>Draws ROC curves to a PNG with ScottPlot.</summary>
public static class RocPlot
{
    /// <summary>Writes one curve per entry of <paramref name="curves"/> (legend text → points) with the chance diagonal.</summary>
    public static void SavePng(string path, string title, IReadOnlyDictionary<string, IReadOnlyList<RocPoint>> curves, int width = 640, int height = 600)
    {
        var plot = new ScottPlot.Plot();
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LineColor = ScottPlot.Colors.Gray;
        chance.LinePattern = ScottPlot.LinePattern.Dashed;
        chance.LegendText = "chance";
        foreach (var (name, points) in curves)
        {
            var scatter = plot.Add.Scatter(points.Select(p => p.FalsePositiveRate).ToArray(), points.Select(p => p.TruePositiveRate).ToArray());
            scatter.LegendText = name;
            scatter.MarkerSize = 0;
            scatter.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel("1 − specificity (false positive rate)");
        plot.YLabel("sensitivity (true positive rate)");
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        plot.SavePng(path, width, height);
    }
}
