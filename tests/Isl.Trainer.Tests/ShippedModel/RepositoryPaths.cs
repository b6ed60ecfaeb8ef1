namespace Isl.Trainer.Tests.ShippedModel;

/// <summary>Folders of the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The shipped bundle samples/models/<paramref name="name"/>.</summary>
    public static string Bundle(string name) => Path.Combine(Root(), "samples", "models", name);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Isl.PacsAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Isl.PacsAgent.sln) is not above the test binaries.");
    }
}
