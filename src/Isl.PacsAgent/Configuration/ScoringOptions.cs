namespace Isl.PacsAgent.Configuration;

/// <summary>The ISL scorer (configuration section <c>Scoring</c>).</summary>
public sealed class ScoringOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scoring";

    /// <summary>
    /// The model bundle folder (appsettings.json: <c>samples/models/head-ct</c>, which the build copies beside the agent);
    /// a relative path is looked up beside the agent first, then in the working folder. Loaded and validated at start-up.
    /// </summary>
    public string BundlePath { get; set; } = "";

    /// <summary>
    /// A series thinner than this (mm) is scored as slabs of the model's slice thickness (the bundle's
    /// <c>sliceThicknessMm</c>): consecutive slices along the slice normal averaged in HU; 0 scores every slice as it is.
    /// </summary>
    public double ThinSliceThicknessMm { get; set; } = 2.5;

    /// <summary>The compute device: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c>.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Concurrent scoring workers (one per device by default).</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Studies that may wait for a worker before assembly jobs block.</summary>
    public int QueueCapacity { get; set; } = 64;
}
