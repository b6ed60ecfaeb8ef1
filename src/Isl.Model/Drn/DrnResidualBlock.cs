using Isl.Model.Networks;
using Isl.Model.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Drn;

/// <summary>A bias-free ResNet basic block (GroupNorm without affine terms, so no bias can collapse the SVDD hypersphere).</summary>
public sealed class DrnResidualBlock : Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Module<Tensor, Tensor> shortcut;

    /// <summary>Creates the block.</summary>
    public DrnResidualBlock(string name, int inChannels, int outChannels, int stride) : base(name)
    {
        body = Sequential(
            new AlignedConv2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false),
            GroupNorm(Groups(outChannels), outChannels, affine: false),
            ReLU(),
            new AlignedConv2d(outChannels, outChannels, 3, padding: 1, bias: false),
            GroupNorm(Groups(outChannels), outChannels, affine: false));
        shortcut = stride == 1 && inChannels == outChannels
            ? Identity()
            : Sequential(new AlignedConv2d(inChannels, outChannels, 1, stride: stride, bias: false), GroupNorm(Groups(outChannels), outChannels, affine: false));
        RegisterComponents();
    }

    /// <summary>The main branch (for export).</summary>
    internal Sequential Body => body;

    /// <summary>The shortcut branch (for export).</summary>
    internal Module<Tensor, Tensor> Shortcut => shortcut;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => nn.functional.relu(body.forward(input).Plus(shortcut.forward(input)));

    private static int Groups(int channels) => channels % 8 == 0 ? 8 : 1;
}
