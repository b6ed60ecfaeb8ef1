namespace Isl.PacsAgent.Orthanc;

/// <summary>A study as Orthanc describes it.</summary>
public sealed class OrthancStudy
{
    /// <summary>Orthanc's id.</summary>
    public string ID { get; set; } = "";

    /// <summary>Main DICOM tags by keyword (StudyInstanceUID, …).</summary>
    public Dictionary<string, string> MainDicomTags { get; set; } = [];

    /// <summary>Its series' Orthanc ids.</summary>
    public List<string> Series { get; set; } = [];
}
