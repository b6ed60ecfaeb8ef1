using Isl.Model.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Dedn;

/// <summary>
/// A 2-D convolution whose weight is divided by its largest singular value, estimated by power iteration
/// (one step per training forward, as Miyato et al.; the vector u persists as a buffer).
/// </summary>
public sealed class SpectralNormConv2d : Module<Tensor, Tensor>
{
    private readonly Parameter weight_orig;
    private readonly Parameter bias;
    private readonly Tensor weight_u;
    private readonly long stride;
    private readonly long padding;

    /// <summary>Creates the convolution.</summary>
    public SpectralNormConv2d(string name, long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0) : base(name)
    {
        this.stride = stride;
        this.padding = padding;
        var bound = 1.0 / Math.Sqrt(inChannels * kernelSize * kernelSize);
        // Detached: a module built inside a caller's dispose scope must not lose its weights when that scope ends.
        weight_orig = (Parameter)Parameter(empty(outChannels, inChannels, kernelSize, kernelSize).uniform_(-bound, bound)).DetachFromDisposeScope();
        bias = (Parameter)Parameter(zeros(outChannels)).DetachFromDisposeScope();
        weight_u = nn.functional.normalize(randn(outChannels), dim: 0).DetachFromDisposeScope();
        RegisterComponents();
    }

    /// <summary>Power-iteration steps per training forward.</summary>
    public int PowerIterations { get; init; } = 1;

    /// <summary>The normalised weight (W / σ) with the current u estimate.</summary>
    public Tensor NormalizedWeight()
    {
        var matrix = weight_orig.flatten(1);
        Tensor u, v;
        using (no_grad())
        {
            u = weight_u.clone();
            v = nn.functional.normalize(matrix.t().mv(u), dim: 0);
            for (var i = 0; i < (training ? PowerIterations : 0); i++)
            {
                u = nn.functional.normalize(matrix.mv(v), dim: 0);
                v = nn.functional.normalize(matrix.t().mv(u), dim: 0);
            }

            if (training)
            {
                weight_u.copy_(u);
            }
        }

        var sigma = u.dot(matrix.mv(v));
        return weight_orig / sigma;
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        return ChannelAlignedConvolution.Conv2d(input, NormalizedWeight(), bias, stride, padding);
    }

    /// <summary>The raw (unnormalised) weight.</summary>
    public Tensor RawWeight => weight_orig;
}
