using Isl.Model.Networks;
using Isl.Model.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Dedn;

/// <summary>EdgeConnect residual block: reflect-pad, 3×3 dilated conv, IN, ReLU, 3×3 conv, IN, plus the input.</summary>
public sealed class DilatedResidualBlock : Module<Tensor, Tensor>
{
    private readonly Sequential conv_block;

    /// <summary>Creates the block.</summary>
    public DilatedResidualBlock(string name, int channels, int dilation = 2) : base(name)
    {
        conv_block = Sequential(
            ReflectionPad2d(dilation),
            new AlignedConv2d(channels, channels, 3, dilation: dilation),
            InstanceNorm2d(channels, affine: true),
            ReLU(),
            ReflectionPad2d(1),
            new AlignedConv2d(channels, channels, 3),
            InstanceNorm2d(channels, affine: true));
        RegisterComponents();
    }

    /// <summary>The residual branch (for export).</summary>
    internal Sequential Body => conv_block;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.Plus(conv_block.forward(input));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv_block.Dispose();
        }

        base.Dispose(disposing);
    }
}
