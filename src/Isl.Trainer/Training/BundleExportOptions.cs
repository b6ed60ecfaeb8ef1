using Isl.Model.Drn;
using Isl.Model.Runtime;

namespace Isl.Trainer.Training;

/// <summary>What <c>export</c> writes into the bundle besides the networks.</summary>
public sealed record BundleExportOptions
{
    /// <summary>Model id.</summary>
    public string ModelId { get; init; } = "isl-head-ct";

    /// <summary>Model version.</summary>
    public string ModelVersion { get; init; } = "1.0.0";

    /// <summary>Scan pooling (the paper: mean).</summary>
    public ScanPooling ScanPooling { get; init; } = new();

    /// <summary>Device to load the networks on while exporting.</summary>
    public DeviceOption Device { get; init; } = DeviceOption.Cpu;
}
