namespace Isl.PacsAgent.Configuration;

/// <summary>The agent's health, metrics and worklist endpoint (configuration section <c>Http</c>).</summary>
public sealed class HttpEndpointOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Http";

    /// <summary>The address to bind; loopback by default.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port (0 picks a free one).</summary>
    public int Port { get; set; } = 8480;
}
