using System.CommandLine;
using Isl.Trainer.Evaluation.Pointing;
using Spectre.Console;

namespace Isl.Trainer.Cli.Phantoms;

/// <summary><c>isl-trainer phantoms labels</c>: write a phantom folder's labels.csv (lesion types and size classes) for calibrate/evaluate.</summary>
internal static class LabelsCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A folder of phantom studies (from `isl-trainer phantoms`)", Required = true };
        var command = new Command("labels", "Write DATA/labels.csv from the studies' labels.json: one column per lesion type and per size class (size-small, size-medium, size-large); 1 = the study has such a lesion in its slices")
        {
            data,
        };
        command.SetAction(parse =>
        {
            try
            {
                var folder = parse.GetValue(data)!;
                var (written, leftOut) = PhantomLabelsFile.Write(folder);
                foreach (var reason in leftOut)
                {
                    AnsiConsole.MarkupLineInterpolated($"[yellow]left out[/] {reason}");
                }

                AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {Path.Combine(folder, "labels.csv")} ({written} studies)");
                return 0;
            }
            catch (TrainerException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return PhantomCommandRunner.Failed;
            }
        });
        return command;
    }
}
