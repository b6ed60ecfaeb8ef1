namespace Isl.PacsAgent.Configuration;

/// <summary>How the agent authenticates to an HTTP destination.</summary>
public enum HttpAuthenticationKind
{
    /// <summary>No credentials.</summary>
    None,

    /// <summary>HTTP basic (user name and password).</summary>
    Basic,

    /// <summary>A bearer token.</summary>
    Bearer,
}
