namespace Isl.PacsAgent.Configuration;

/// <summary>The C-STORE SCP the agent listens on (configuration section <c>Dicom</c>).</summary>
public sealed class DicomListenerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Dicom";

    /// <summary>Whether the SCP is started at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The agent's own (called) AE title.</summary>
    public string AeTitle { get; set; } = "ISL_AGENT";

    /// <summary>The TCP port of the SCP.</summary>
    public int Port { get; set; } = 11112;

    /// <summary>The local address the SCP binds to (all interfaces by default: modalities are remote).</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Callers allowed to store, as <c>CALLING_AE@IP</c> or <c>CALLING_AE@*</c> (any address).</summary>
    public IList<string> AllowedCallers { get; } = [];

    /// <summary>Accepts every calling AE and address (off by default).</summary>
    public bool AllowAnyCaller { get; set; }

    /// <summary>
    /// Accepts every storage SOP class (on by default), so that a study routed here by mistake (MR, X-ray, a CT
    /// localizer only) is recorded "not analysed" with its reason and gets a "not analysed" SR, instead of failing at
    /// the sender; off accepts only CT, Secondary Capture and SR objects.
    /// </summary>
    public bool AcceptAnySopClass { get; set; } = true;

    /// <summary>Maximum concurrent associations (connections count once they sent their A-ASSOCIATE-RQ).</summary>
    public int MaxAssociations { get; set; } = 16;

    /// <summary>Seconds a new connection may take to send its A-ASSOCIATE-RQ (TLS included) before it is closed.</summary>
    public int AssociationRequestTimeoutSeconds { get; set; } = 5;

    /// <summary>Connections from one address that may wait for their A-ASSOCIATE-RQ at once; more from it are closed unread.</summary>
    public int MaxPendingConnectionsPerAddress { get; set; } = 16;
}
