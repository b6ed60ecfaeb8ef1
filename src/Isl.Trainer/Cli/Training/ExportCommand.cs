using System.CommandLine;
using Isl.Model.Bundles;
using Isl.Model.Onnx;
using Isl.Model.Runtime;
using Isl.Trainer.Training;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary>
/// <c>isl-trainer export</c>: a model bundle from a finished DRN run (and the DeDN run it names); with <c>--onnx</c> also
/// its networks as ONNX models for the onnx engine, and without <c>--run</c> it adds them to the existing bundle <c>--out</c>.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var run = new Option<string?>("--run") { Description = "The `train drn` run folder (leave out with --onnx to add ONNX networks to the existing bundle --out)" };
        var output = new Option<string>("--out") { Description = "The bundle folder to write", Required = true };
        var onnx = new Option<bool>("--onnx") { Description = $"Also write the DeDN generator and DRN encoder as ONNX models ({OnnxExport.GeneratorFile}, {OnnxExport.EncoderFile}) for Scoring:Engine=onnx" };
        var export = new ExportOptions();
        var command = new Command("export", "Write a model bundle (manifest.json + weights) from a finished DRN run") { run, output, onnx };
        export.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(_ =>
        {
            var bundle = parse.GetValue(output)!;
            var runDirectory = parse.GetValue(run);
            if (runDirectory is null && !parse.GetValue(onnx))
            {
                throw new TrainerException("export needs --run (a finished `train drn` run), or --onnx to add ONNX networks to the bundle --out.");
            }

            var manifest = runDirectory is null ? ModelBundle.ReadManifest(bundle) : BundleExporter.Export(runDirectory, bundle, export.Read(parse, DeviceOption.Cpu));
            if (runDirectory is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]exported[/] {manifest.ModelId} {manifest.ModelVersion} (device UID {manifest.DeviceUid}) → {bundle}");
            }

            if (parse.GetValue(onnx))
            {
                var files = ModelBundle.SaveOnnx(bundle).Files.Keys.Where(f => f.EndsWith(".onnx", StringComparison.Ordinal));
                AnsiConsole.MarkupLineInterpolated($"[green]onnx[/] {string.Join(", ", files)} (opset {OnnxExport.Opset}) → {bundle}");
            }

            return 0;
        }, ct));
        return command;
    }
}
