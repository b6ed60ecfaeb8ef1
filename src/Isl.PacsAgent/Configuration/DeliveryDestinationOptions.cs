namespace Isl.PacsAgent.Configuration;

/// <summary>One place results are delivered to (an item of <c>Delivery:Destinations</c>).</summary>
public sealed class DeliveryDestinationOptions
{
    /// <summary>A unique name used in logs, the database and metrics.</summary>
    public string Name { get; set; } = "";

    /// <summary>The protocol.</summary>
    public DeliveryDestinationKind Kind { get; set; }

    /// <summary>C-STORE: the peer's host.</summary>
    public string Host { get; set; } = "";

    /// <summary>C-STORE: the peer's port.</summary>
    public int Port { get; set; } = 104;

    /// <summary>C-STORE: the peer's AE title.</summary>
    public string CalledAeTitle { get; set; } = "";

    /// <summary>C-STORE: our AE title towards it (the listener's when empty).</summary>
    public string CallingAeTitle { get; set; } = "";

    /// <summary>STOW-RS: the DICOMweb root; Orthanc REST: the REST root.</summary>
    public string Url { get; set; } = "";

    /// <summary>HTTP authentication.</summary>
    public HttpAuthenticationKind Authentication { get; set; }

    /// <summary>Basic: user name.</summary>
    public string Username { get; set; } = "";

    /// <summary>Basic: password (never logged).</summary>
    public string Password { get; set; } = "";

    /// <summary>Bearer: token (never logged).</summary>
    public string Token { get; set; } = "";

    /// <summary>Whether the study's triage flag is also written as Orthanc study metadata (Orthanc REST only).</summary>
    public bool SetPriorityMetadata { get; set; } = true;

    /// <summary>Where this destination points, without any credential.</summary>
    public override string ToString() => Kind == DeliveryDestinationKind.CStore
        ? $"{Name} (C-STORE {CalledAeTitle}@{Host}:{Port})"
        : $"{Name} ({Kind} {Url})";
}
