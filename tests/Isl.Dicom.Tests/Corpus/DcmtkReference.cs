using System.Globalization;
using Isl.Testing;

namespace Isl.Dicom.Tests.Corpus;

/// <summary>dcmtk as the reference: its own decompression, its listing and its image comparison.</summary>
internal static class DcmtkReference
{
    /// <summary>Writes <paramref name="input"/> as Explicit VR LE the way dcmtk does it (dcmdrle, dcmdjpeg or dcmconv +te).</summary>
    public static ToolResult ToExplicitLittleEndian(string input, DicomTransferSyntax syntax, string output)
    {
        if (syntax == DicomTransferSyntax.RLELossless)
        {
            return ExternalTool.Run("dcmdrle", [input, output]);
        }

        return syntax.IsEncapsulated
            ? ExternalTool.Run("dcmdjpeg", [input, output])
            : ExternalTool.Run("dcmconv", ["+te", input, output]);
    }

    /// <summary>
    /// dcmdump's listing of each dataset (group 0002 and comments dropped, long values in full, pixel data not
    /// loaded), from one dcmdump run per batch of files.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DatasetListings(IReadOnlyList<string> paths)
    {
        var listings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var batch in paths.Chunk(100))
        {
            var result = ExternalTool.Run("dcmdump", ["-q", "+F", "+L", "-M", .. batch]);
            List<string>? current = null;
            foreach (var raw in result.StdOut.Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line.StartsWith("# dcmdump (", StringComparison.Ordinal))
                {
                    var index = int.Parse(line[11..line.IndexOf('/', StringComparison.Ordinal)], CultureInfo.InvariantCulture) - 1;
                    listings[batch[index]] = current = [];
                    continue;
                }

                var trimmed = line.TrimStart();
                if (current is null || trimmed.Length == 0 || trimmed.StartsWith('#') || line.StartsWith("(0002,", StringComparison.Ordinal))
                {
                    continue;
                }

                current.Add(line.StartsWith("(7fe0,0010)", StringComparison.Ordinal) ? "(7fe0,0010) PixelData" : line);
            }

            foreach (var path in batch.Where(p => !listings.ContainsKey(p) || listings[p].Count == 0))
            {
                throw new InvalidOperationException($"dcmdump could not list {path}: {result.StdErr}");
            }
        }

        return listings;
    }

    /// <summary>dcmicmp's maximum absolute error between two images, or null with the reason when it cannot compare them.</summary>
    public static (double? MaxError, string Output) CompareImages(string reference, string test)
    {
        var result = ExternalTool.Run("dcmicmp", [reference, test]);
        var line = result.StdOut.Split('\n').FirstOrDefault(l => l.StartsWith("Max Absolute Error", StringComparison.Ordinal));
        if (result.ExitCode != 0 || line is null)
        {
            return (null, result.Output.Trim());
        }

        return (double.Parse(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture), result.StdOut.Trim());
    }
}
