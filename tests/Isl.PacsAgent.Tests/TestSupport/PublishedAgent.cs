using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>
/// The agent as <c>dotnet publish src/Isl.PacsAgent</c> makes it (from the already built project, <c>--no-build</c>), in a
/// temporary folder outside the checkout: an xunit class fixture, so it is published once and removed (about 1 GB)
/// when the tests that use it are done.
/// </summary>
public sealed class PublishedAgent : IDisposable
{
    private readonly TempDirectory root = new("isl-published-agent");

    public PublishedAgent()
    {
        Folder = root.Combine("isl-agent");
        var project = RepositoryRoot.Combine("src", "Isl.PacsAgent", "Isl.PacsAgent.csproj");
        var result = ExternalTool.Run("dotnet", ["publish", project, "-c", BuildConfiguration, "--no-build", "-o", Folder, "-nologo", "-v", "q"], TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            root.Dispose();
            throw new InvalidOperationException($"dotnet publish {project} failed (exit {result.ExitCode}):\n{result.Output}");
        }
    }

    /// <summary>The published folder (holding <c>isl-agent.dll</c>, <c>appsettings.json</c> and <c>samples/models/</c>).</summary>
    public string Folder { get; }

    public void Dispose() => root.Dispose();

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
