namespace Isl.PacsAgent.Orthanc;

/// <summary>A series as Orthanc describes it.</summary>
public sealed class OrthancSeries
{
    /// <summary>Orthanc's id.</summary>
    public string ID { get; set; } = "";

    /// <summary>Main DICOM tags by keyword (Modality, SeriesInstanceUID, …).</summary>
    public Dictionary<string, string> MainDicomTags { get; set; } = [];

    /// <summary>Its instances' Orthanc ids.</summary>
    public List<string> Instances { get; set; } = [];
}
