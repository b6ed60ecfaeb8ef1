using System.CommandLine;
using System.Text.Json;
using Isl.Model.Bundles;
using Isl.Model.Heatmaps;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.Trainer.Data;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary>
/// <c>isl-trainer calibrate-heatmap</c>: fits how large the residual (x_dif, or with <c>--polarity brighter</c> only its
/// hyperdense part) normally is per pixel over disorder-free slices and
/// switches the bundle's heatmaps to the excess over it (calibrated mode); the paper's post-processing stays
/// selectable with <c>--heatmap-mode paper</c> wherever heatmaps are made.
/// </summary>
internal static class CalibrateHeatmapCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var bundle = new Option<string>("--bundle") { Description = "The bundle to calibrate (the statistics are written into it)", Required = true };
        var data = new Option<string>("--data") { Description = "Disorder-free slices: a slice cache prepared with the bundle's settings (e.g. its training cache) or a labelled folder (its normals are taken)", Required = true };
        var zLow = new Option<double?>("--z-low") { Description = "z-score below which the heatmap shows nothing (its calibrated threshold); default: the level that only --false-colour-rate of the normal slices exceed anywhere" };
        var rate = new Option<double>("--false-colour-rate") { Description = "Share of normal slices allowed any colour, which sets --z-low when it is not given", DefaultValueFactory = _ => 0.05 };
        var zHigh = new Option<double?>("--z-high") { Description = "z-score at which the heatmap shows full strength (default: z-low + 5)" };
        var polarity = new Option<string?>("--polarity") { Description = "Which residual the heatmap shows: absolute (|x − x_dd|, the paper's x_dif) or brighter (only denser than the reconstruction, as acute blood is); default: the bundle's" };
        polarity.AcceptOnlyFromAmong(HeatmapSettings.AbsolutePolarity, HeatmapSettings.BrighterPolarity);
        var reference = new Option<string?>("--reference") { Description = "position (normal statistics per pixel position) or area (one mean and spread over the whole area); default: the bundle's" };
        reference.AcceptOnlyFromAmong(HeatmapSettings.PositionReference, HeatmapSettings.AreaReference);
        var excludeBone = new Option<bool?>("--exclude-bone") { Description = "Never colour bone-bright pixels (skull base, petrous ridge) inside the mask; default: the bundle's" };
        var intracranialOnly = new Option<bool?>("--intracranial-only") { Description = "Colour only the skull's interior even when the bundle scores the whole head (its mask found again at model size); default: the bundle's" };
        var work = new Option<string?>("--work") { Description = "Scratch folder when --data is a labelled folder (default: a temp folder)" };
        var options = new ScoringCommandOptions(choices: false);
        var command = new Command("calibrate-heatmap", "Fit the normal variation of the difference image and make the bundle's heatmaps show only the excess over it")
        {
            bundle, data, zLow, rate, zHigh, polarity, reference, excludeBone, intracranialOnly, work,
        };
        options.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var bundleDir = parse.GetValue(bundle)!;
            var manifest = ModelBundle.ReadManifest(bundleDir);
            var settings = options.Read(parse);
            var cache = OpenNormals(parse.GetValue(data)!, manifest.Preprocessing, parse.GetValue(work), token);
            TorchRuntime.SetThreads(settings.Threads);
            var maps = new List<float[]>();
            var masks = new List<float[]>();
            var size = cache.Manifest.Width;
            var stored = manifest.Heatmap;
            var chosen = stored with
            {
                Polarity = parse.GetValue(polarity) ?? stored.Polarity,
                Reference = parse.GetValue(reference) ?? stored.Reference,
                ExcludeBone = parse.GetValue(excludeBone) ?? stored.ExcludeBone,
                IntracranialOnly = parse.GetValue(intracranialOnly) ?? stored.IntracranialOnly,
            };
            // The residuals are taken in paper mode with the chosen choices: the statistics being fitted are not there yet.
            var fitting = settings.ScoringOptions(heatmaps: false, stored) with { Heatmap = chosen with { Mode = HeatmapSettings.PaperMode } };
            using (var scorer = IslScorer.Load(bundleDir, settings.Device, fitting))
            {
                var normals = Enumerable.Range(0, cache.Entries.Count)
                    .Where(i => !cache.Entries[i].IsDisorder)
                    .Select(i => new PreparedSlice(cache.ReadSlice(i), cache.ReadMask(i), cache.Manifest.Channels, size))
                    .Where(s => manifest.Preprocessing.CountsSlice(s.AreaFraction))
                    .ToList();
                if (normals.Count == 0)
                {
                    throw new TrainerException($"{parse.GetValue(data)} holds no disorder-free slice that this bundle scores.");
                }

                for (var start = 0; start < normals.Count; start += settings.Batch)
                {
                    token.ThrowIfCancellationRequested();
                    var batch = normals.Skip(start).Take(settings.Batch).ToList();
                    foreach (var (map, area) in scorer.SmoothedDifferences(batch))
                    {
                        maps.Add(map);
                        masks.Add(area);
                    }
                }
            }

            var statistics = NormalResidual.Fit(maps, masks, size, chosen.Reference == HeatmapSettings.PositionReference);
            var low = parse.GetValue(zLow) ?? statistics.SliceFalseColourLevel(maps, masks, parse.GetValue(rate));
            var heatmap = chosen with { Mode = HeatmapSettings.CalibratedMode, ZLow = low, ZHigh = parse.GetValue(zHigh) ?? low + 5 };
            heatmap.Validate();
            ModelBundle.SaveNormalResidual(bundleDir, statistics, heatmap);
            var above = ShareAbove(maps, masks, statistics, heatmap.ZLow);
            var coloured = (double)statistics.SliceMaxima(maps, masks).Count(m => m > heatmap.ZLow) / maps.Count;
            AnsiConsole.MarkupLineInterpolated($"[green]heatmap calibrated[/] ({heatmap.Polarity} residual, {heatmap.Reference} reference, bone {(heatmap.ExcludeBone ? "excluded" : "included")}{(heatmap.IntracranialOnly ? ", intracranial only" : "")}) on {statistics.Slices} normal slices ({size}²): median spread {Median(statistics.Spread):G3}; z-low {heatmap.ZLow:0.##}: {coloured:P1} of these slices and {above:P2} of their brain pixels are coloured → {bundleDir}");
            return 0;
        }, ct));
        return command;
    }

    private static SliceCache OpenNormals(string data, PreprocessingSettings preprocessing, string? work, CancellationToken token)
    {
        if (File.Exists(Path.Combine(data, SliceCache.ManifestName)))
        {
            var cache = SliceCache.Open(data);
            if (JsonSerializer.Serialize(cache.Manifest.Preprocessing) != JsonSerializer.Serialize(preprocessing))
            {
                throw new TrainerException($"{data} was prepared with other settings than the bundle's (mode, size, windows or effective area); prepare it with the bundle's settings or pass the labelled folder.");
            }

            return cache;
        }

        var directory = work ?? Path.Combine(Path.GetTempPath(), $"isl-calibrate-heatmap-{Guid.NewGuid():N}");
        var format = DatasetFormat.Detect(data);
        PrepareCommand.Run(data, directory, format, new PreparationOptions { Preprocessing = preprocessing, Size = preprocessing.Size, Selection = SliceSelection.Normals }, token);
        return SliceCache.Open(directory);
    }

    private static double ShareAbove(IReadOnlyList<float[]> maps, IReadOnlyList<float[]> masks, NormalResidual statistics, double z)
    {
        long inside = 0, above = 0;
        for (var k = 0; k < maps.Count; k++)
        {
            for (var p = 0; p < maps[k].Length; p++)
            {
                if (masks[k][p] > 0.5f)
                {
                    inside++;
                    above += (maps[k][p] - statistics.Mean[p]) / statistics.Spread[p] > z ? 1 : 0;
                }
            }
        }

        return inside == 0 ? 0 : (double)above / inside;
    }

    private static double Median(float[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
