using System.CommandLine;
using Isl.Phantoms;
using Isl.Phantoms.Output;
using Spectre.Console;

namespace Isl.Trainer.Cli.Phantoms;

/// <summary>
/// <c>isl-trainer phantoms montage</c>: a brain-window PNG, one row per study (slices through the
/// first lesion, mask outlines in colour): of study folders (<c>--study</c>), or of a gallery
/// generated on the fly (one normal study and one per lesion type).
/// </summary>
internal static class MontageCommand
{
    public static Command Create()
    {
        var studies = new Option<string[]>("--study") { Description = "Study folder(s) to show, one row each (DICOM series; labels.json and mask.u8.gz when present)", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "PNG file to write", Required = true };
        var seed = new Option<int>("--seed") { Description = "Gallery seed (without --study)", DefaultValueFactory = _ => 1 };
        var slices = new Option<int?>("--slices") { Description = "Gallery: slices per study (default: whole head)" };
        var size = new Option<LesionSize>("--size") { Description = "Gallery: lesion size", DefaultValueFactory = _ => LesionSize.Medium };
        var center = new Option<double>("--window-center") { Description = "Window centre (HU)", DefaultValueFactory = _ => 40 };
        var width = new Option<double>("--window-width") { Description = "Window width (HU)", DefaultValueFactory = _ => 80 };
        var command = new Command("montage", "Render a brain-window montage PNG of studies, or of a generated gallery (one normal, one per lesion type)")
        {
            studies, output, seed, slices, size, center, width,
        };
        command.SetAction((parse, ct) => Task.FromResult(PhantomCommandRunner.Run(() =>
        {
            var folders = parse.GetValue(studies) ?? [];
            var path = parse.GetValue(output)!;
            byte[] png;
            if (folders.Length > 0)
            {
                png = MontageBuilder.FromFolders(folders, parse.GetValue(center), parse.GetValue(width));
                AnsiConsole.MarkupLineInterpolated($"rows: {string.Join(", ", folders.Select(Path.GetFileName))}");
            }
            else
            {
                var gallery = AnsiConsole.Status().Start("generating the gallery…", _ => MontageBuilder.GenerateGallery(parse.GetValue(seed), parse.GetValue(slices), parse.GetValue(size)));
                png = MontageBuilder.FromStudies(gallery, parse.GetValue(center), parse.GetValue(width));
                AnsiConsole.MarkupLineInterpolated($"rows: {string.Join(", ", gallery.Select(s => s.FolderName))}");
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllBytes(path, png);
            AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {path}");
            return 0;
        }, ct)));
        return command;
    }
}
