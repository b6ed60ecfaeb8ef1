using System.CommandLine;
using System.Diagnostics;
using Isl.Phantoms;
using Spectre.Console;

namespace Isl.Trainer.Cli.Phantoms;

/// <summary>
/// <c>isl-trainer phantoms --normal N --abnormal M --seed S --out DIR</c>: writes N disorder-free and
/// M abnormal synthetic CT studies, one folder each (.dcm series, labels.json, mask.u8.gz).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var normal = new Option<int>("--normal") { Description = "Number of disorder-free studies", DefaultValueFactory = _ => 0 };
        var abnormal = new Option<int>("--abnormal") { Description = "Number of studies with lesions", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "First seed; study i uses seed + i", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Folder that receives one sub-folder per study", Required = true };
        var slices = new Option<int?>("--slices") { Description = "Slices per study (default: the whole head)" };
        var spacing = new Option<double?>("--spacing") { Description = "Slice spacing and thickness in mm, 0.625–5 (default: drawn per study)" };
        var tilt = new Option<double?>("--tilt") { Description = "Gantry tilt in degrees (default: drawn per study)" };
        var lesion = new Option<string[]>("--lesion")
        {
            Description = $"Lesion type(s) every abnormal study carries (default: 1–3 drawn types): {string.Join(", ", LesionTypes.Requestable.Select(t => t.ToSlug()))}",
            AllowMultipleArgumentsPerToken = true,
        };
        var size = new Option<LesionSize?>("--size") { Description = "Lesion size (default: drawn)" };
        var command = new Command("phantoms", "Generate synthetic head CT studies with ground-truth lesion masks")
        {
            normal, abnormal, seed, output, slices, spacing, tilt, lesion, size,
        };
        command.Subcommands.Add(MontageCommand.Create());
        command.Subcommands.Add(LabelsCommand.Create());
        command.SetAction((parse, ct) => Task.FromResult(PhantomCommandRunner.Run(() =>
        {
            var request = new GenerationRequest
            {
                Normal = parse.GetValue(normal),
                Abnormal = parse.GetValue(abnormal),
                Seed = parse.GetValue(seed),
                Output = parse.GetValue(output)!,
                Slices = parse.GetValue(slices),
                SpacingMm = parse.GetValue(spacing),
                TiltDeg = parse.GetValue(tilt),
                Lesions = (parse.GetValue(lesion) ?? []).Select(LesionTypes.Parse).ToArray(),
                Size = parse.GetValue(size),
            };
            return Run(request, ct);
        }, ct)));
        return command;
    }

    public static int Run(GenerationRequest request, CancellationToken cancellationToken)
    {
        var specs = request.Specs();
        var written = new List<PhantomStudy>();
        var clock = Stopwatch.StartNew();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("phantoms", maxValue: specs.Count);
                foreach (var spec in specs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var study = PhantomGenerator.Generate(spec, cancellationToken);
                    study.WriteDicom(Path.Combine(request.Output, study.FolderName));
                    written.Add(study);
                    task.Description = study.FolderName;
                    task.Increment(1);
                }
            });

        var table = new Table().AddColumns("study", "slices", "mm", "lesions");
        foreach (var study in written)
        {
            var lesions = study.IsNormal ? "-" : string.Join("; ", study.Lesions.Select(l => $"{l.Type.ToSlug()} {l.Size.ToString().ToLowerInvariant()} {l.Location} {l.VolumeMl} mL"));
            table.AddRow(Markup.Escape(study.FolderName), study.SliceCount.ToString(System.Globalization.CultureInfo.InvariantCulture), study.SliceThicknessMm.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(lesions));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {written.Count} studies to {request.Output} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
