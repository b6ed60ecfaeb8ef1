namespace Isl.PacsAgent.Pipeline;

/// <summary>Where a study revision's result files live under the output folder.</summary>
public static class ResultFiles
{
    /// <summary>The folder of one study revision.</summary>
    public static string DirectoryFor(string outputRoot, string studyInstanceUid, int revision) =>
        Path.Combine(Path.GetFullPath(outputRoot), studyInstanceUid, $"r{revision}");

    /// <summary>The Part 10 files of a study revision (none when the folder is absent).</summary>
    public static IReadOnlyList<string> List(string outputRoot, string studyInstanceUid, int revision)
    {
        var directory = DirectoryFor(outputRoot, studyInstanceUid, revision);
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.dcm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
