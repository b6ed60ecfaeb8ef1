namespace Isl.PacsAgent.Orthanc;

/// <summary>One entry of Orthanc's change log.</summary>
public sealed class OrthancChange
{
    /// <summary>E.g. <c>StableStudy</c>, <c>NewInstance</c>.</summary>
    public string ChangeType { get; set; } = "";

    /// <summary>The Orthanc id of the resource.</summary>
    public string ID { get; set; } = "";

    /// <summary>The REST path of the resource.</summary>
    public string Path { get; set; } = "";

    /// <summary>Patient, Study, Series or Instance.</summary>
    public string ResourceType { get; set; } = "";

    /// <summary>The sequence number.</summary>
    public long Seq { get; set; }
}
