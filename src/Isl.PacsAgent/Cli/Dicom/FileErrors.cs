using Isl.Dicom;

namespace Isl.PacsAgent.Cli.Dicom;

/// <summary>The errors that concern one input file, and the one line that reports them.</summary>
internal static class FileErrors
{
    /// <summary>
    /// True for everything but cancellation and memory exhaustion: an administrator's batch must go on past a file
    /// that trips even an unexpected error, which is then named by its type.
    /// </summary>
    public static bool IsPerFile(Exception e) => e is not (OperationCanceledException or OutOfMemoryException);

    /// <summary>"verb: PATH: cause" on one line, without a stack trace.</summary>
    public static string Line(string verb, string path, Exception e)
    {
        var cause = e switch
        {
            FileNotFoundException or DirectoryNotFoundException => "no such file",
            DicomNotSupportedException => $"not supported: {e.Message}",
            DicomParseException => $"not valid DICOM: {e.Message}",
            DicomException or IOException or UnauthorizedAccessException => e.Message,
            _ => $"unexpected {e.GetType().Name}: {e.Message}",
        };
        return $"{verb}: {path}: {cause.ReplaceLineEndings(" ")}";
    }
}
