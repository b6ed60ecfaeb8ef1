using Isl.Dicom.Network.Client;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>Comparisons of Part 10 files outside group 0002: data set bytes, else dcmdump's listing of the data set.</summary>
internal static class DicomFiles
{
    public static byte[] DatasetBytes(string path)
    {
        var offset = Part10Layout.DatasetOffset(path);
        Assert.True(offset > 0, $"{path} has no plain Part 10 layout");
        return File.ReadAllBytes(path)[(int)offset..];
    }

    /// <summary>dcmdump's data set section (after "# Dicom-Data-Set", without the transfer syntax line).</summary>
    public static string[] DumpDataset(string path)
    {
        var result = ExternalTool.Run("dcmdump", ["-q", "+L", "+P", "all", path]);
        var lines = result.StdOut.Split('\n').Select(l => l.TrimEnd()).ToList();
        var start = lines.FindIndex(l => l.StartsWith("# Dicom-Data-Set", StringComparison.Ordinal));
        return lines.Skip(start + 1).Where(l => l.Length > 0 && !l.StartsWith("# Used TransferSyntax", StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Null when equal outside group 0002 (byte-equal, or dcmdump-equal), else a description of the difference.</summary>
    public static string? DifferenceOutsideMeta(string original, string received)
    {
        if (DatasetBytes(original).AsSpan().SequenceEqual(DatasetBytes(received)))
        {
            return null;
        }

        var left = DumpDataset(original);
        var right = DumpDataset(received);
        if (left.SequenceEqual(right))
        {
            return null;
        }

        var index = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i]);
        return $"{Path.GetFileName(original)}: dcmdump differs at line {index}: '{left.ElementAtOrDefault(index)}' vs '{right.ElementAtOrDefault(index)}'";
    }

    /// <summary>Copies the GE series to <paramref name="count"/> files with new SOP Instance UIDs (dcmodify -gin).</summary>
    public static string[] GeCopies(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var source = SharedData.GeHeadCtFiles();
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var target = Path.Combine(directory, $"c{i / source.Length}_{Path.GetFileName(source[i % source.Length])}");
            File.Copy(source[i % source.Length], target);
            files.Add(target);
        }

        var result = ExternalTool.Run("dcmodify", ["-nb", "-q", "-gin", .. files]);
        Assert.True(result.ExitCode == 0, result.Output);
        return [.. files];
    }
}
