using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Networks;

/// <summary>
/// A drop-in for <c>nn.Conv2d</c> (same parameter names, shapes and initialisation, so saved weights load either way)
/// that computes through <see cref="ChannelAlignedConvolution"/>.
/// </summary>
public sealed class AlignedConv2d : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly long stride;
    private readonly long padding;
    private readonly long dilation;

    /// <summary>Creates the convolution; weights and bias are drawn uniformly within ±1/√fan-in, as PyTorch's default.</summary>
    public AlignedConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1, bool bias = true)
        : base(nameof(AlignedConv2d))
    {
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        var bound = 1.0 / Math.Sqrt(inChannels * kernelSize * kernelSize);
        using (no_grad())
        {
            // Detached: a module built inside a caller's dispose scope must not lose its weights when that scope ends.
            weight = (Parameter)Parameter(empty(outChannels, inChannels, kernelSize, kernelSize).uniform_(-bound, bound)).DetachFromDisposeScope();
            this.bias = bias ? (Parameter)Parameter(empty(outChannels).uniform_(-bound, bound)).DetachFromDisposeScope() : null;
        }

        RegisterComponents();
    }

    /// <summary>The filters [out, in, k, k].</summary>
    internal Tensor Weight => weight;

    /// <summary>The bias, if any.</summary>
    internal Tensor? Bias => bias;

    /// <summary>Square stride.</summary>
    internal long Stride => stride;

    /// <summary>Zero padding on every side.</summary>
    internal long Padding => padding;

    /// <summary>Square dilation.</summary>
    internal long Dilation => dilation;

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => ChannelAlignedConvolution.Conv2d(input, weight, bias, stride, padding, dilation);
}
