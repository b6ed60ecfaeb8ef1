namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>The checkout's root (the folder holding Isl.PacsAgent.sln), found above the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Isl.PacsAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Isl.PacsAgent.sln was not found above the test binaries.");
    }
}
