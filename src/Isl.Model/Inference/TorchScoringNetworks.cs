using Isl.Model.Bundles;
using Isl.Model.Drn;
using static TorchSharp.torch;

namespace Isl.Model.Inference;

/// <summary>The bundle's TorchSharp networks (the bundle stays its owner's).</summary>
public sealed class TorchScoringNetworks : IScoringNetworks
{
    private readonly ModelBundle bundle;

    /// <summary>Runs <paramref name="bundle"/>'s networks.</summary>
    public TorchScoringNetworks(ModelBundle bundle)
    {
        this.bundle = bundle;
        bundle.Generator?.eval();
        bundle.Encoder.eval();
    }

    /// <inheritdoc />
    public string Description => $"torch on {bundle.Device}";

    /// <inheritdoc />
    public Device Device => bundle.Device;

    /// <inheritdoc />
    public GridInpainter.Inpaint? Inpaint => bundle.Generator is { } generator ? generator.Inpaint : null;

    /// <inheritdoc />
    public Tensor Embed(Tensor inputs, int batchSize) => DrnScoring.Embed(bundle.Encoder, inputs, bundle.Device, batchSize);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
