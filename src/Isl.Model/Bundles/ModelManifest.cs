using System.Text.Json.Serialization;
using Isl.Model.Drn;
using Isl.Model.Heatmaps;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Preprocessing;
using Isl.Model.Scoring;

namespace Isl.Model.Bundles;

/// <summary>The bundle's manifest.json: everything needed to rebuild and validate the model.</summary>
public sealed record ModelManifest
{
    /// <summary>The format name written in every manifest.</summary>
    public const string FormatName = "isl-model-bundle";

    /// <summary>The schema this build reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Always <see cref="FormatName"/>.</summary>
    [JsonPropertyName("format")]
    public string Format { get; init; } = FormatName;

    /// <summary>Schema version.</summary>
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Model identifier (e.g. "head-ct-png").</summary>
    [JsonPropertyName("modelId")]
    public string ModelId { get; init; } = "isl-head-ct";

    /// <summary>Model version.</summary>
    [JsonPropertyName("modelVersion")]
    public string ModelVersion { get; init; } = "1.0.0";

    /// <summary>A DICOM UID for the algorithm as an observer device; new for every training run.</summary>
    [JsonPropertyName("deviceUid")]
    public string DeviceUid { get; init; } = "";

    /// <summary>When the bundle was written.</summary>
    [JsonPropertyName("createdUtc")]
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Network sizes.</summary>
    [JsonPropertyName("profile")]
    public NetworkProfile Profile { get; init; } = NetworkProfile.Cpu;

    /// <summary>Input preparation.</summary>
    [JsonPropertyName("preprocessing")]
    public PreprocessingSettings Preprocessing { get; init; } = PreprocessingSettings.ForHu(128);

    /// <summary>Grid inference.</summary>
    [JsonPropertyName("grid")]
    public GridSettings Grid { get; init; } = new();

    /// <summary>Canny Gaussian sigma.</summary>
    [JsonPropertyName("cannySigma")]
    public double CannySigma { get; init; } = 1.0;

    /// <summary>What the DRN reads.</summary>
    [JsonPropertyName("drnInput")]
    [JsonConverter(typeof(JsonStringEnumConverter<DrnInput>))]
    public DrnInput DrnInput { get; init; } = DrnInput.Difference;

    /// <summary>The SVDD centre c.</summary>
    [JsonPropertyName("center")]
    public float[] Center { get; init; } = [];

    /// <summary>Which figure is the slice score that the scan score pools and the threshold applies to (the method: DRN).</summary>
    [JsonPropertyName("sliceScore")]
    [JsonConverter(typeof(JsonStringEnumConverter<SliceScoreKind>))]
    public SliceScoreKind SliceScore { get; init; } = SliceScoreKind.Drn;

    /// <summary>Scan-score pooling.</summary>
    [JsonPropertyName("scanPooling")]
    public ScanPooling ScanPooling { get; init; } = new();

    /// <summary>Heatmap post-processing.</summary>
    [JsonPropertyName("heatmap")]
    public HeatmapSettings Heatmap { get; init; } = new();

    /// <summary>Calibrated thresholds.</summary>
    [JsonPropertyName("thresholds")]
    public BundleThresholds Thresholds { get; init; } = new();

    /// <summary>What the DeDN's perceptual/style losses used (no ImageNet VGG-19 here).</summary>
    [JsonPropertyName("perceptualSource")]
    public string PerceptualSource { get; init; } = "";

    /// <summary>Training data summary.</summary>
    [JsonPropertyName("training")]
    public TrainingDataSummary Training { get; init; } = new();

    /// <summary>Evaluation metrics by name (e.g. auroc).</summary>
    [JsonPropertyName("metrics")]
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Weight files and their SHA-256 (filled in by <see cref="ModelBundle.Save"/>).</summary>
    [JsonPropertyName("files")]
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}
