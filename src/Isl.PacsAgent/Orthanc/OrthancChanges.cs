namespace Isl.PacsAgent.Orthanc;

/// <summary>A page of Orthanc's change log.</summary>
public sealed class OrthancChanges
{
    /// <summary>The changes.</summary>
    public List<OrthancChange> Changes { get; set; } = [];

    /// <summary>True when no more changes follow.</summary>
    public bool Done { get; set; }

    /// <summary>The last sequence number in this page (or in the log, for <c>?last</c>).</summary>
    public long Last { get; set; }
}
