using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>
/// The agent as <c>dotnet publish src/Isl.PacsAgent</c> makes it, once per test run (from the already built project,
/// <c>--no-build</c>), in a temporary folder outside the checkout; removed when the test process exits.
/// </summary>
public static class PublishedAgent
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"isl-published-agent-{Environment.ProcessId}");
    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    static PublishedAgent() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    };

    /// <summary>The published folder (holding <c>isl-agent.dll</c>, <c>appsettings.json</c> and <c>samples/models/</c>).</summary>
    public static string Folder => Published.Value;

    private static string Publish()
    {
        var output = Path.Combine(Root, "isl-agent");
        var project = RepositoryRoot.Combine("src", "Isl.PacsAgent", "Isl.PacsAgent.csproj");
        var result = ExternalTool.Run("dotnet", ["publish", project, "-c", BuildConfiguration, "--no-build", "-o", output, "-nologo", "-v", "q"], TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"dotnet publish {project} failed (exit {result.ExitCode}):\n{result.Output}");
        return output;
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
