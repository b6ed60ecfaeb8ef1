namespace Isl.PacsAgent.Hosting;

/// <summary>The configuration is not usable; <see cref="Errors"/> names every problem.</summary>
public sealed class AgentConfigurationException(IReadOnlyList<string> errors)
    : Exception("The agent's configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    /// <summary>Each problem, naming its configuration key.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
