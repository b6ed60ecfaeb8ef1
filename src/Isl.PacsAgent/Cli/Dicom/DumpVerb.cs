using Isl.Dicom;

namespace Isl.PacsAgent.Cli.Dicom;

/// <summary>
/// <c>isl-agent dicom dump</c>: a dcmdump-like listing of each file; a bad file (including one with no data element at all)
/// costs one stderr line and a non-zero exit, not the run.
/// </summary>
internal static class DumpVerb
{
    /// <summary>Lists every file; returns 0 when all were read, 1 otherwise.</summary>
    public static int Run(IReadOnlyList<string> files, TextWriter output, TextWriter error)
    {
        var failures = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i];
            try
            {
                var file = DicomFile.Open(path);
                if (file.FileMetaInformation.Count == 0 && file.Dataset.Count == 0)
                {
                    // An empty file, "DICM" alone or zeros parse as an empty data set; dcmdump rejects them too.
                    throw new DicomParseException("no DICOM data elements (not a DICOM file)");
                }

                var listing = DicomDatasetPrinter.Format(file);
                if (files.Count > 1)
                {
                    output.WriteLine($"# isl-agent dicom dump ({i + 1}/{files.Count}): {path}");
                }

                output.Write(listing);
                output.WriteLine();
            }
            catch (Exception e) when (FileErrors.IsPerFile(e))
            {
                failures++;
                error.WriteLine(FileErrors.Line("dump", path, e));
            }
        }

        return failures == 0 ? 0 : 1;
    }
}
