using System.CommandLine;

namespace Isl.PacsAgent.Cli;

/// <summary>Builds the network verbs of <c>isl-agent</c>.</summary>
internal static class NetworkCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create() => [];
}
