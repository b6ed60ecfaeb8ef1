namespace Isl.PacsAgent.Orthanc;

/// <summary>One match of <c>/tools/lookup</c>.</summary>
public sealed class OrthancLookupResult
{
    /// <summary>Orthanc's id.</summary>
    public string ID { get; set; } = "";

    /// <summary>Patient, Study, Series or Instance.</summary>
    public string Type { get; set; } = "";

    /// <summary>The REST path.</summary>
    public string Path { get; set; } = "";
}
