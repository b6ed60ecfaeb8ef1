using Isl.Model.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Dedn;

/// <summary>EdgeConnect's 70×70 PatchGAN discriminator with spectral norm; also exposes its features (feature matching / style).</summary>
public sealed class PatchGanDiscriminator : Module<Tensor, Tensor>
{
    private readonly SpectralNormConv2d conv1;
    private readonly SpectralNormConv2d conv2;
    private readonly SpectralNormConv2d conv3;
    private readonly SpectralNormConv2d conv4;
    private readonly SpectralNormConv2d conv5;

    /// <summary>Creates the discriminator.</summary>
    public PatchGanDiscriminator(int channels, int width) : base("PatchGanDiscriminator")
    {
        conv1 = new SpectralNormConv2d("conv1", channels, width, 4, 2, 1);
        conv2 = new SpectralNormConv2d("conv2", width, width * 2, 4, 2, 1);
        conv3 = new SpectralNormConv2d("conv3", width * 2, width * 4, 4, 2, 1);
        conv4 = new SpectralNormConv2d("conv4", width * 4, width * 8, 4, 1, 1);
        conv5 = new SpectralNormConv2d("conv5", width * 8, 1, 4, 1, 1);
        RegisterComponents();
    }

    /// <summary>Patch logits.</summary>
    public override Tensor forward(Tensor input) => Features(input)[^1];

    /// <summary>The four hidden activations, then the logits.</summary>
    public IReadOnlyList<Tensor> Features(Tensor input)
    {
        var f1 = conv1.forward(input).LeakyRelu(0.2);
        var f2 = conv2.forward(f1).LeakyRelu(0.2);
        var f3 = conv3.forward(f2).LeakyRelu(0.2);
        var f4 = conv4.forward(f3).LeakyRelu(0.2);
        return [f1, f2, f3, f4, conv5.forward(f4)];
    }
}
