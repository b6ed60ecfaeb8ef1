namespace Isl.PacsAgent.Ingest;

/// <summary>How the agent marks the DICOM objects it produces, so that it recognises them when they come back.</summary>
public static class AgentIdentity
{
    /// <summary>Manufacturer (0008,0070) of every output.</summary>
    public const string Manufacturer = "ISL PACS Agent";

    /// <summary>The private creator (gggg,0010..00FF) value of the agent's private block in every output.</summary>
    public const string PrivateCreator = "ISL PACS AGENT";
}
