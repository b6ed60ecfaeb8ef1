using System.CommandLine;
using Isl.Model.Preprocessing;
using Isl.Trainer.Data;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary><c>isl-trainer prepare</c>: PNG folders or DICOM study folders → a slice cache.</summary>
internal static class PrepareCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Input folder: PNG slices (with an optional labels.csv, like kaggle-head-ct-dev) or DICOM study folders", Required = true };
        var output = new Option<string>("--out") { Description = "The slice cache folder to write", Required = true };
        var format = new Option<string>("--format") { Description = "png, dicom or auto (dicom when the folder holds no *.png)", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong("auto", "png", "dicom");
        var size = new Option<int>("--size") { Description = "Square slice size in pixels (must match the model profile)", DefaultValueFactory = _ => 128 };
        var select = new Option<SliceSelection>("--select") { Description = "Keep all inputs, only normals (training) or only disorders", DefaultValueFactory = _ => SliceSelection.All };
        var folds = new Option<int>("--folds") { Description = "Split the kept inputs into this many folds by name (0 = no split)", DefaultValueFactory = _ => 0 };
        var fold = new Option<int>("--fold") { Description = "The fold (0-based) that --held-out keeps or that training leaves out", DefaultValueFactory = _ => 0 };
        var heldOut = new Option<bool>("--held-out") { Description = "Keep only --fold (evaluation) instead of every other fold (training)" };
        var windows = new Option<string>("--windows") { Description = "DICOM: HU windows center/width, one channel each", DefaultValueFactory = _ => "40/80,80/200,600/2800" };
        var sourceWindow = new Option<string?>("--source-window") { Description = "PNG/JPEG: the HU window LEVEL/WIDTH the images were made with (e.g. 40/120 for ct-ich-dev), so the bundle scores DICOM too" };
        var area = new Option<EffectiveArea>("--effective-area") { Description = "Head (the paper: the whole head counts) or Intracranial (only the brain counts; slices with too little of it are left out)", DefaultValueFactory = _ => EffectiveArea.Head };
        var minArea = new Option<double>("--min-intracranial") { Description = "Intracranial: least intracranial share of the image for a slice to count", DefaultValueFactory = _ => 0.04 };
        var minSlices = new Option<int>("--min-slices") { Description = "DICOM: skip series with fewer usable slices", DefaultValueFactory = _ => 1 };
        var command = new Command("prepare", "Turn PNG folders or DICOM study folders into a slice cache (bad inputs are listed and skipped)")
        {
            data, output, format, size, select, folds, fold, heldOut, windows, sourceWindow, area, minArea, minSlices,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var options = new PreparationOptions
            {
                Size = parse.GetValue(size),
                Selection = parse.GetValue(select),
                Fold = parse.GetValue(folds) > 0 ? new FoldSelection(parse.GetValue(folds), parse.GetValue(fold), parse.GetValue(heldOut)) : null,
                Windows = HuWindowList.Parse(parse.GetValue(windows)!),
                SourceWindow = parse.GetValue(sourceWindow) is { Length: > 0 } w ? HuWindowList.Parse(w).Single() : null,
                EffectiveArea = parse.GetValue(area),
                MinIntracranialFraction = parse.GetValue(minArea),
                MinimumSlices = parse.GetValue(minSlices),
            };
            var manifest = Run(parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(format)!, options, token);
            ProblemListing.Print(manifest.Rejected);
            AnsiConsole.MarkupLineInterpolated($"[green]prepared[/] {manifest.Slices.Count} slices from {manifest.Slices.Select(s => s.Scan).Distinct().Count()} scans ({manifest.Mode}, {manifest.Channels}×{manifest.Height}×{manifest.Width}, {manifest.Slices.Count(s => s.IsDisorder)} disorder) → {parse.GetValue(output)}");
            return manifest.Slices.Count > 0 ? 0 : CommandRunner.Failed;
        }, ct));
        return command;
    }

    /// <summary>Prepares with a progress bar.</summary>
    public static SliceCacheManifest Run(string data, string output, string format, PreparationOptions options, CancellationToken cancellationToken)
    {
        var resolved = format == "auto" ? DatasetFormat.Detect(data) : format;
        SliceCacheManifest? manifest = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"prepare ({resolved})");
                var progress = new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                manifest = resolved == "png"
                    ? PngDatasetPreparer.Prepare(data, output, options, progress, cancellationToken)
                    : DatasetFormat.PrepareDicom(data, output, options, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return manifest!;
    }
}
