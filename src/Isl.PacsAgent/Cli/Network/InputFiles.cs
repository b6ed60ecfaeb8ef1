namespace Isl.PacsAgent.Cli.Network;

/// <summary>Expands the FILE_OR_DIR arguments of <c>send</c>: files as given, directories recursively (DICOM Part 10 files only).</summary>
internal static class InputFiles
{
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(HasPart10Magic).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    private static bool HasPart10Magic(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[132];
            return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head[128..].SequenceEqual("DICM"u8);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
