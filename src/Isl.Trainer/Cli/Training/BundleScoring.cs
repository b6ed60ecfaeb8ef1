using Isl.Model.Bundles;
using Isl.Model.Heatmaps;
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
        var kind = settings.Score ?? manifest.SliceScore;
        var format = DatasetFormat.Detect(data);
        var cacheDirectory = Path.Combine(workDirectory, "cache");
        var prepared = PrepareCommand.Run(data, cacheDirectory, format, new PreparationOptions { Preprocessing = manifest.Preprocessing, Size = manifest.Preprocessing.Size }, cancellationToken);
        var cache = SliceCache.Open(cacheDirectory);
        TorchRuntime.SetThreads(settings.Threads);
        using var scorer = IslScorer.Load(bundle, settings.Device, settings.ScoringOptions(heatmapPeaks, manifest.Heatmap));
        // Slices the bundle would not score (too little intracranial area) are left out, as the agent leaves them out.
        var size = prepared.Width;
        var scorable = Enumerable.Range(0, cache.Entries.Count)
            .Where(i => manifest.Preprocessing.CountsSlice(PreparedSlice.FractionInside(cache.ReadMask(i))))
            .ToArray();
        var peaks = heatmapPeaks ? new HeatmapPeak[scorable.Length] : null;
        var strengths = heatmapPeaks ? new float[scorable.Length][] : null;
        var everyKind = Enum.GetValues<SliceScoreKind>().ToDictionary(k => k, _ => new double[scorable.Length]);
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"score ({kind}, grid {scorer.Grid.Mode})", maxValue: Math.Max(1, scorable.Length));
                for (var start = 0; start < scorable.Length; start += settings.Batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(settings.Batch, scorable.Length - start);
                    var slices = scorable.Skip(start).Take(count)
                        .Select(i => new PreparedSlice(cache.ReadSlice(i), cache.ReadMask(i), prepared.Channels, size))
                        .ToList();
                    var result = scorer.Score(slices);
                    for (var k = 0; k < count; k++)
                    {
                        everyKind[SliceScoreKind.Drn][start + k] = result.DrnScores[k];
                        everyKind[SliceScoreKind.DScore][start + k] = result.DScores[k];
                        everyKind[SliceScoreKind.Apds][start + k] = result.Apds[k];
                        if (peaks is not null)
                        {
                            peaks[start + k] = result.HeatmapPeaks[k];
                            strengths![start + k] = result.HeatmapStrengths[k];
                        }
                    }

                    task.Value = start + count;
                }
            });

        var context = new Dictionary<string, string>
        {
            ["bundle"] = $"{Path.GetFullPath(bundle)} ({manifest.ModelId} {manifest.ModelVersion}, device UID {manifest.DeviceUid}, profile {manifest.Profile.Name}, {manifest.Preprocessing.Mode} {manifest.Preprocessing.Size}²)",
            ["data"] = Path.GetFullPath(data),
            ["score"] = $"{kind} (grid {scorer.Grid.Mode}, K={scorer.Grid.K})",
        };
        var byKind = everyKind.ToDictionary(e => e.Key, e => (IReadOnlyList<ScoredSlice>)scorable.Select((entry, k) => new ScoredSlice(cache.Entries[entry], e.Value[k])).ToArray());
        var slicesScored = byKind[kind];
        var rejected = prepared.Rejected.ToList();
        var unscored = cache.Entries.Count - scorable.Length;
        if (unscored > 0)
        {
            context["not scored"] = $"{unscored} of {cache.Entries.Count} slices (less than {manifest.Preprocessing.MinIntracranialFraction:P0} intracranial area)";
            var scanned = slicesScored.Select(s => s.Entry.Scan).ToHashSet(StringComparer.Ordinal);
            rejected.AddRange(cache.Entries.Select(e => e.Scan).Distinct(StringComparer.Ordinal).Where(scan => !scanned.Contains(scan))
                .Select(scan => new InputProblem(scan, "no slice has enough intracranial area to be scored")));
        }

        var threshold = kind == manifest.SliceScore ? manifest.Thresholds.Scan ?? manifest.Thresholds.Slice : null;
        return new ScoredInputs(slicesScored, prepared.LabelNames, prepared.SliceLevelLabels, threshold, context, rejected)
        {
            HeatmapPeaks = peaks,
            HeatmapStrengths = strengths,
            HeatmapColourLevel = heatmapPeaks ? scorer.Heatmap.ColourLevel : null,
            BundlePooling = manifest.ScanPooling,
            ScoreKind = kind,
            ScoresByKind = byKind,
        };
    }
}
