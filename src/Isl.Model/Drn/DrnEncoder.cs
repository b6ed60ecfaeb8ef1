using Isl.Model.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Drn;

/// <summary>The disorder recognition network: a ResNet-style encoder (4 stride-2 stages) from an image to an embedding h.</summary>
public sealed class DrnEncoder : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Linear head;

    /// <summary>Creates the encoder.</summary>
    public DrnEncoder(int channels, NetworkProfile profile) : base("DrnEncoder")
    {
        profile.Validate();
        var w = profile.DrnWidth;
        features = Sequential(
            new AlignedConv2d(channels, w, 3, padding: 1, bias: false),
            ReLU(),
            new DrnResidualBlock("stage1", w, w, 2),
            new DrnResidualBlock("stage2", w, w * 2, 2),
            new DrnResidualBlock("stage3", w * 2, w * 4, 2),
            new DrnResidualBlock("stage4", w * 4, w * 8, 2),
            AdaptiveAvgPool2d(1),
            Flatten());
        head = Linear(w * 8, profile.EmbeddingDim, hasBias: false);
        RegisterComponents();
        EmbeddingDim = profile.EmbeddingDim;
    }

    /// <summary>Embedding size.</summary>
    public int EmbeddingDim { get; }

    /// <summary>Convolutional stages, pooling and flattening (for export).</summary>
    internal Sequential Features => features;

    /// <summary>The bias-free projection to the embedding (for export).</summary>
    internal Linear Head => head;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => head.forward(features.forward(input));
}
