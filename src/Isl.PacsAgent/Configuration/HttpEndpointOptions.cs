using System.Net;

namespace Isl.PacsAgent.Configuration;

/// <summary>The agent's worklist page, health, metrics and worklist API endpoint (configuration section <c>Http</c>).</summary>
public sealed class HttpEndpointOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Http";

    /// <summary>The address to bind; loopback by default. Any other address requires <see cref="Authentication"/>.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port (0 picks a free one).</summary>
    public int Port { get; set; } = 8480;

    /// <summary>What clients must send (everything but <c>/health</c>): none (loopback only), basic or bearer.</summary>
    public HttpAuthenticationKind Authentication { get; set; } = HttpAuthenticationKind.None;

    /// <summary>The user name for basic authentication.</summary>
    public string Username { get; set; } = "";

    /// <summary>The password for basic authentication (never logged).</summary>
    public string Password { get; set; } = "";

    /// <summary>The bearer token (never logged).</summary>
    public string Token { get; set; } = "";

    /// <summary>
    /// The link from a worklist row to the study in the site's viewer, with <c>{StudyInstanceUID}</c> where the UID goes,
    /// e.g. OHIF's <c>http://pacs:3000/viewer?StudyInstanceUIDs={StudyInstanceUID}</c>; empty for no link.
    /// </summary>
    public string ViewerUrlTemplate { get; set; } = "";

    /// <summary>Seconds between two refreshes of the worklist page.</summary>
    public double WorklistRefreshSeconds { get; set; } = 5;

    /// <summary>Whether <see cref="Address"/> is a loopback address (only this machine can connect).</summary>
    public bool IsLoopback => IPAddress.TryParse(Address, out var address) && IPAddress.IsLoopback(address);
}
