using System.CommandLine;

namespace Isl.PacsAgent.Cli;

/// <summary>Builds the dicom verbs of <c>isl-agent</c>.</summary>
internal static class DicomCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create() => [];
}
