using static TorchSharp.torch;

namespace Isl.Model.Inference;

/// <summary>
/// What computes the scorer's two networks: the DeDN generator (inside grid inpainting) and the DRN encoder. The rest of
/// scoring (Canny, masks, x_dif, heatmaps, pooling) runs in torch on <see cref="Device"/> whatever the engine.
/// </summary>
public interface IScoringNetworks : IDisposable
{
    /// <summary>Engine, execution provider and device, as the agent logs it at start (e.g. <c>onnx CPUExecutionProvider</c>).</summary>
    string Description { get; }

    /// <summary>Where the scorer's own tensors live (the networks' inputs and outputs).</summary>
    Device Device { get; }

    /// <summary>The generator's inpainting, or null for a raw-image bundle without a generator.</summary>
    GridInpainter.Inpaint? Inpaint { get; }

    /// <summary>Embeddings [N, D] of DRN inputs [N, C, S, S], <paramref name="batchSize"/> at a time.</summary>
    Tensor Embed(Tensor inputs, int batchSize);
}
