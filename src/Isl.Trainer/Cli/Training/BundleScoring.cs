using Isl.Model.Bundles;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.Trainer.Data;
using Isl.Trainer.Evaluation;
using Isl.Trainer.Evaluation.Pointing;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary>Scores a labelled folder with a model bundle: prepares it with the bundle's preprocessing, then runs the bundle's scorer.</summary>
internal static class BundleScoring
{
    /// <summary>Prepares <paramref name="data"/> under <paramref name="workDirectory"/>/cache and scores every slice; <paramref name="heatmapPeaks"/> also keeps each slice's heatmap maximum.</summary>
    public static ScoredInputs ScoreFolder(string bundle, string data, string workDirectory, ScoringSettings settings, CancellationToken cancellationToken, bool heatmapPeaks = false)
    {
        var manifest = ModelBundle.ReadManifest(bundle);
        var format = DatasetFormat.Detect(data);
        var cacheDirectory = Path.Combine(workDirectory, "cache");
        var prepared = PrepareCommand.Run(data, cacheDirectory, format, new PreparationOptions { Preprocessing = manifest.Preprocessing, Size = manifest.Preprocessing.Size }, cancellationToken);
        var cache = SliceCache.Open(cacheDirectory);
        TorchRuntime.SetThreads(settings.Threads);
        using var scorer = IslScorer.Load(bundle, TorchRuntime.ParseDevice(settings.Device), new ScoringOptions { GridMode = settings.Grid, Heatmaps = heatmapPeaks });
        var peaks = heatmapPeaks ? new HeatmapPeak[cache.Entries.Count] : null;
        var scores = new double[cache.Entries.Count];
        var size = prepared.Width;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"score ({settings.Score}, grid {scorer.Grid.Mode})", maxValue: Math.Max(1, cache.Entries.Count));
                for (var start = 0; start < cache.Entries.Count; start += settings.Batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(settings.Batch, cache.Entries.Count - start);
                    var slices = Enumerable.Range(start, count)
                        .Select(i => new PreparedSlice(cache.ReadSlice(i), cache.ReadMask(i), prepared.Channels, size))
                        .ToList();
                    var result = scorer.Score(slices);
                    var figures = settings.Score switch
                    {
                        ScoreKind.DScore => result.DScores,
                        ScoreKind.Apds => result.Apds,
                        _ => result.SliceScores,
                    };
                    for (var k = 0; k < count; k++)
                    {
                        scores[start + k] = figures[k];
                        if (peaks is not null)
                        {
                            peaks[start + k] = HeatmapPeak.Of(result.Heatmaps[k], result.HeatmapSize);
                        }
                    }

                    task.Value = start + count;
                }
            });

        var context = new Dictionary<string, string>
        {
            ["bundle"] = $"{Path.GetFullPath(bundle)} ({manifest.ModelId} {manifest.ModelVersion}, device UID {manifest.DeviceUid}, profile {manifest.Profile.Name}, {manifest.Preprocessing.Mode} {manifest.Preprocessing.Size}²)",
            ["data"] = Path.GetFullPath(data),
            ["score"] = $"{settings.Score} (grid {scorer.Grid.Mode}, K={scorer.Grid.K})",
        };
        var slicesScored = cache.Entries.Select((e, i) => new ScoredSlice(e, scores[i])).ToArray();
        var threshold = settings.Score == ScoreKind.Drn ? manifest.Thresholds.Scan ?? manifest.Thresholds.Slice : null;
        return new ScoredInputs(slicesScored, prepared.LabelNames, prepared.SliceLevelLabels, threshold, context, prepared.Rejected) { HeatmapPeaks = peaks };
    }
}
