using System.CommandLine;
using Isl.Trainer.Cli.Phantoms;

namespace Isl.Trainer.Cli;

/// <summary>Builds the phantom verbs of <c>isl-trainer</c>.</summary>
internal static class PhantomCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create() => [GenerateCommand.Create()];
}
