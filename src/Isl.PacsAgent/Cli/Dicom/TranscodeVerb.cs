using Isl.Dicom;
using Isl.Dicom.Imaging;

namespace Isl.PacsAgent.Cli.Dicom;

/// <summary><c>isl-agent dicom transcode</c>: re-encodes files and folders (recursively, keeping relative paths) into an output folder.</summary>
internal static class TranscodeVerb
{
    /// <summary>Transcodes every input; returns 0 when all were written, 1 when any file failed, 2 for a bad syntax or output folder.</summary>
    public static int Run(string syntaxUid, string outputFolder, IReadOnlyList<string> inputs, TextWriter output, TextWriter error)
    {
        var syntax = DicomTransferSyntax.Lookup(syntaxUid.Trim());
        if (!syntax.IsKnown)
        {
            error.WriteLine($"transcode: unknown transfer syntax UID '{syntaxUid}'.");
            return 2;
        }

        try
        {
            Directory.CreateDirectory(outputFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"transcode: cannot create output folder {outputFolder}: {e.Message}");
            return 2;
        }

        var failures = 0;
        foreach (var (source, relative) in Expand(inputs, error, ref failures))
        {
            var target = Path.Combine(outputFolder, relative);
            try
            {
                var transcoded = DicomTranscoder.Transcode(DicomFile.Open(source), syntax);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                transcoded.Save(target);
                output.WriteLine($"{source} -> {target}");
            }
            catch (Exception e) when (FileErrors.IsPerFile(e))
            {
                failures++;
                error.WriteLine(FileErrors.Line("transcode", source, e));
            }
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>Files as given (written under their name) and folders' files (written under their path relative to the folder).</summary>
    private static List<(string Source, string Relative)> Expand(IReadOnlyList<string> inputs, TextWriter error, ref int failures)
    {
        var files = new List<(string, string)>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    .Select(f => (f, Path.GetRelativePath(input, f))));
            }
            else if (File.Exists(input))
            {
                files.Add((input, Path.GetFileName(input)));
            }
            else
            {
                failures++;
                error.WriteLine($"transcode: {input}: no such file or folder");
            }
        }

        return files;
    }
}
