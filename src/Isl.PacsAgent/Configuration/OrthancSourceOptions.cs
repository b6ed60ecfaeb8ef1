namespace Isl.PacsAgent.Configuration;

/// <summary>The optional Orthanc change-feed ingest (configuration section <c>Ingest:Orthanc</c>).</summary>
public sealed class OrthancSourceOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Ingest:Orthanc";

    /// <summary>Whether the agent polls Orthanc's <c>/changes</c> for stable studies.</summary>
    public bool Enabled { get; set; }

    /// <summary>Orthanc's REST root, e.g. <c>http://orthanc:8042/</c>.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:8042/";

    /// <summary>The DICOMweb root below <see cref="BaseUrl"/> (Orthanc's plugin default: <c>dicom-web/</c>).</summary>
    public string DicomWebPath { get; set; } = "dicom-web/";

    /// <summary>HTTP basic user name; empty for none.</summary>
    public string Username { get; set; } = "";

    /// <summary>HTTP basic password (never logged).</summary>
    public string Password { get; set; } = "";

    /// <summary>Seconds between two polls of <c>/changes</c>.</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Seconds a study fetched from the change feed waits before scoring. Orthanc reports a study only once it is stable,
    /// and the fetch brings it whole, so this only covers a study fetched twice in quick succession.
    /// </summary>
    public double StableAgeSeconds { get; set; } = 1;

    /// <summary>The fetched studies' stable age as a span.</summary>
    public TimeSpan StableAge => TimeSpan.FromSeconds(StableAgeSeconds);

    /// <summary>Changes read per request.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Only studies with at least one series of these modalities are fetched; empty means CT.</summary>
    public IList<string> Modalities { get; } = [];

    /// <summary>The modalities in effect.</summary>
    public IReadOnlyList<string> EffectiveModalities => Modalities.Count > 0 ? [.. Modalities] : ["CT"];
}
