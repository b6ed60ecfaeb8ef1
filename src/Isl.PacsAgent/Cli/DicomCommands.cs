using System.CommandLine;
using Isl.PacsAgent.Cli.Dicom;

namespace Isl.PacsAgent.Cli;

/// <summary>Builds the dicom verbs of <c>isl-agent</c>: <c>dicom dump</c> and <c>dicom transcode</c>.</summary>
internal static class DicomCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create()
    {
        var dicom = new Command("dicom", "DICOM file tools for PACS administrators.");
        dicom.Subcommands.Add(CreateDump());
        dicom.Subcommands.Add(CreateTranscode());
        return [dicom];
    }

    private static Command CreateDump()
    {
        var files = new Argument<string[]>("FILE") { Description = "DICOM files to list", Arity = ArgumentArity.OneOrMore };
        var command = new Command("dump", "Print each file's meta information and dataset, one element per line (like dcmdump).") { files };
        command.SetAction(parse => DumpVerb.Run(parse.GetValue(files)!, Console.Out, Console.Error));
        return command;
    }

    private static Command CreateTranscode()
    {
        var syntax = new Option<string>("--transfer-syntax", "-t")
        {
            Description = "Target transfer syntax UID, e.g. 1.2.840.10008.1.2.1 (Explicit VR LE) or 1.2.840.10008.1.2.5 (RLE Lossless)",
            Required = true,
        };
        var output = new Option<string>("--out", "-o") { Description = "Output folder (created when missing)", Required = true };
        var inputs = new Argument<string[]>("FILE_OR_DIR") { Description = "DICOM files, or folders searched recursively (relative paths are kept)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("transcode", "Write each input re-encoded in another transfer syntax (decompressing RLE and JPEG Lossless, compressing to RLE).") { syntax, output, inputs };
        command.SetAction(parse => TranscodeVerb.Run(parse.GetValue(syntax)!, parse.GetValue(output)!, parse.GetValue(inputs)!, Console.Out, Console.Error));
        return command;
    }
}
