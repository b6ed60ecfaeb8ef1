using Isl.Model.Bundles;
using Isl.Model.Dedn;
using Isl.Model.Drn;
using Isl.Model.Heatmaps;
using Isl.Model.Networks;
using Isl.Model.Preprocessing;
using Isl.Model.Runtime;

namespace Isl.Model.Training;

/// <summary>Everything <see cref="IslPipelineTrainer"/> needs to go from prepared normals to a bundle.</summary>
public sealed record PipelineTrainingOptions
{
    /// <summary>Network sizes.</summary>
    public NetworkProfile Profile { get; init; } = NetworkProfile.Cpu;

    /// <summary>Preprocessing the slices went through (stored in the bundle; size must match the profile).</summary>
    public PreprocessingSettings Preprocessing { get; init; } = PreprocessingSettings.ForHu(128);

    /// <summary>DeDN options (its Grid is the bundle's grid).</summary>
    public DeDnTrainingOptions DeDn { get; init; } = new();

    /// <summary>DeDN steps.</summary>
    public int DeDnSteps { get; init; } = 2000;

    /// <summary>DRN options.</summary>
    public DrnTrainingOptions Drn { get; init; } = new();

    /// <summary>Difference images (the method) or raw images (ablation; no DeDN is trained).</summary>
    public DrnInput DrnInput { get; init; } = DrnInput.Difference;

    /// <summary>Scan pooling stored in the bundle.</summary>
    public ScanPooling ScanPooling { get; init; } = new();

    /// <summary>Heatmap settings stored in the bundle.</summary>
    public HeatmapSettings Heatmap { get; init; } = new();

    /// <summary>Model id.</summary>
    public string ModelId { get; init; } = "isl-head-ct";

    /// <summary>Model version.</summary>
    public string ModelVersion { get; init; } = "1.0.0";

    /// <summary>Training data summary stored in the bundle.</summary>
    public TrainingDataSummary TrainingData { get; init; } = new();

    /// <summary>Device.</summary>
    public DeviceOption Device { get; init; } = DeviceOption.Auto;
}
