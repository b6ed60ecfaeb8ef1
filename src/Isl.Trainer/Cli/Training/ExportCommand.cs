using System.CommandLine;
using Isl.Model.Runtime;
using Isl.Trainer.Training;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary><c>isl-trainer export</c>: a model bundle from a finished DRN run (and the DeDN run it names).</summary>
internal static class ExportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The `train drn` run folder", Required = true };
        var output = new Option<string>("--out") { Description = "The bundle folder to write", Required = true };
        var export = new ExportOptions();
        var command = new Command("export", "Write a model bundle (manifest.json + weights) from a finished DRN run") { run, output };
        export.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var manifest = BundleExporter.Export(parse.GetValue(run)!, parse.GetValue(output)!, export.Read(parse, DeviceOption.Cpu));
            AnsiConsole.MarkupLineInterpolated($"[green]exported[/] {manifest.ModelId} {manifest.ModelVersion} (device UID {manifest.DeviceUid}) → {parse.GetValue(output)}");
            return 0;
        }, ct));
        return command;
    }
}
