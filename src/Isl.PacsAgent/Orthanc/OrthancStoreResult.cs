namespace Isl.PacsAgent.Orthanc;

/// <summary>Orthanc's answer to <c>POST /instances</c>.</summary>
public sealed class OrthancStoreResult
{
    /// <summary>The instance's Orthanc id.</summary>
    public string ID { get; set; } = "";

    /// <summary><c>Success</c> or <c>AlreadyStored</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>The parent study's Orthanc id.</summary>
    public string ParentStudy { get; set; } = "";
}
