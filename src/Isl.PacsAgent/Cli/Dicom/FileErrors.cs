using Isl.Dicom;

namespace Isl.PacsAgent.Cli.Dicom;

/// <summary>The errors that concern one input file, and the one line that reports them.</summary>
internal static class FileErrors
{
    /// <summary>True for errors about the file's content or access; anything else is a bug and propagates.</summary>
    public static bool IsPerFile(Exception e) => e is DicomException or IOException or UnauthorizedAccessException;

    /// <summary>"verb: PATH: cause" on one line, without a stack trace.</summary>
    public static string Line(string verb, string path, Exception e)
    {
        var cause = e switch
        {
            FileNotFoundException or DirectoryNotFoundException => "no such file",
            DicomNotSupportedException => $"not supported: {e.Message}",
            DicomParseException => $"not valid DICOM: {e.Message}",
            _ => e.Message,
        };
        return $"{verb}: {path}: {cause.ReplaceLineEndings(" ")}";
    }
}
