namespace Isl.PacsAgent.Configuration;

/// <summary>The ISL scorer (configuration section <c>Scoring</c>).</summary>
public sealed class ScoringOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scoring";

    /// <summary>The model bundle folder; empty means the demo bundle under <c>samples/models/head-ct-demo</c>.</summary>
    public string BundlePath { get; set; } = "";

    /// <summary>The compute device: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c>.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Concurrent scoring workers (one per device by default).</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Studies that may wait for a worker before assembly jobs block.</summary>
    public int QueueCapacity { get; set; } = 64;
}
