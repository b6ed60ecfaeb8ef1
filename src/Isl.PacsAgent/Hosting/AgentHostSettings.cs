using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Hosting;

/// <summary>How to build an agent host: extra configuration and, for tests and the demo, service overrides.</summary>
public sealed class AgentHostSettings
{
    /// <summary>Command-line arguments (configuration keys as <c>--Section:Key=value</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>An extra JSON configuration file, layered over appsettings.json.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Settings layered over everything else.</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs after the agent's registrations (replace a seam such as the scorer here).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
