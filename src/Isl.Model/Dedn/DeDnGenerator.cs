using Isl.Model.Networks;
using Isl.Model.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Dedn;

/// <summary>
/// The de-disorder network: an EdgeConnect-style inpainting generator. Input: the masked image (C channels),
/// the hole mask (1) and the Canny edge map (1); output: the image (C channels, [0, 1]).
/// </summary>
public sealed class DeDnGenerator : Module<Tensor, Tensor>
{
    private readonly Sequential encoder;
    private readonly Sequential middle;
    private readonly Sequential decoder;

    /// <summary>Creates the generator for <paramref name="channels"/> image channels.</summary>
    public DeDnGenerator(int channels, NetworkProfile profile) : base("DeDnGenerator")
    {
        profile.Validate();
        Channels = channels;
        int w0 = profile.GeneratorWidths[0], w1 = profile.GeneratorWidths[1], w2 = profile.GeneratorWidths[2];
        encoder = Sequential(
            ReflectionPad2d(3),
            new AlignedConv2d(channels + 2, w0, 7),
            InstanceNorm2d(w0, affine: true),
            ReLU(),
            new AlignedConv2d(w0, w1, 4, stride: 2, padding: 1),
            InstanceNorm2d(w1, affine: true),
            ReLU(),
            new AlignedConv2d(w1, w2, 4, stride: 2, padding: 1),
            InstanceNorm2d(w2, affine: true),
            ReLU());
        middle = Sequential();
        for (var i = 0; i < profile.ResidualBlocks; i++)
        {
            middle.append(new DilatedResidualBlock($"block{i}", w2));
        }

        decoder = Sequential(
            ConvTranspose2d(w2, w1, 4, stride: 2, padding: 1),
            InstanceNorm2d(w1, affine: true),
            ReLU(),
            ConvTranspose2d(w1, w0, 4, stride: 2, padding: 1),
            InstanceNorm2d(w0, affine: true),
            ReLU(),
            ReflectionPad2d(3),
            new AlignedConv2d(w0, channels, 7));
        RegisterComponents();
    }

    /// <summary>Image channel count.</summary>
    public int Channels { get; }

    /// <summary>Encoder, middle and decoder, in order (for export; <see cref="forward"/> adds the output's tanh scaling).</summary>
    internal IReadOnlyList<Sequential> Stages => [encoder, middle, decoder];

    /// <summary>Raw forward over the concatenated [masked image, mask, edges] input.</summary>
    public override Tensor forward(Tensor input)
    {
        var x = decoder.forward(middle.forward(encoder.forward(input)));
        return tanh(x).Plus(1).DividedBy(2);
    }

    /// <summary>Inpaints the holes (mask = 1) of <paramref name="images"/> given edges of the visible part.</summary>
    public Tensor Inpaint(Tensor images, Tensor holes, Tensor edges) => forward(InpaintInput(images, holes, edges));

    /// <summary>The generator's input [N, C + 2, S, S]: [masked image, holes, edges of the visible part].</summary>
    public static Tensor InpaintInput(Tensor images, Tensor holes, Tensor edges)
    {
        var visible = holes.SubtractedFrom(1);
        return cat([images * visible, holes, edges * visible], 1);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoder.Dispose();
            middle.Dispose();
            decoder.Dispose();
        }

        base.Dispose(disposing);
    }
}
