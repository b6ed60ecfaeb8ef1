namespace Isl.PacsAgent.Configuration;

/// <summary>HTTP authentication: what the agent sends to an HTTP destination or source, and what its own endpoint requires of clients.</summary>
public enum HttpAuthenticationKind
{
    /// <summary>No credentials.</summary>
    None,

    /// <summary>HTTP basic (user name and password).</summary>
    Basic,

    /// <summary>A bearer token.</summary>
    Bearer,
}
