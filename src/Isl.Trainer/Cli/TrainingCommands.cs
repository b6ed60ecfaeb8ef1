using System.CommandLine;
using Isl.Trainer.Cli.Training;

namespace Isl.Trainer.Cli;

/// <summary>Builds the training verbs of <c>isl-trainer</c>.</summary>
internal static class TrainingCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create() =>
    [
        PrepareCommand.Create(),
        TrainCommand.Create(),
        CalibrateCommand.Create(),
        CalibrateHeatmapCommand.Create(),
        EvaluateCommand.Create(),
        ExportCommand.Create(),
    ];
}
