using static TorchSharp.torch;

namespace Isl.Model.Networks;

/// <summary>
/// 2-D convolution that never hands oneDNN (libtorch's CPU convolution backend) a channel count it gets wrong.
/// </summary>
/// <remarks>
/// oneDNN computes in blocked layouts that round channels up to 16 and reads the padding lanes it allocated without
/// initialising them. Measured against a float64 reference (tests/Isl.Model.Tests/Networks/ChannelAlignedConvolutionTests):
/// the input gradient of a convolution whose output channel count is not a multiple of 16 (the generator's image
/// layer, the discriminator's logits, any width-8 layer) is off by 20–35 % or NaN, and so is the forward pass of one
/// whose input channel count is above 16 and not a multiple of it. That was the intermittent NaN in DeDN/DRN training
/// (issue 5), and wrong gradients every other time. So on CPU: input channels above 16 are padded with zero channels,
/// and while gradients are recorded the output channels are padded with zero filters and cut off after the call, so
/// the backward pass sees whole blocks. Without gradients output-channel tails are computed correctly and cost nothing
/// extra. Results equal the plain convolution's; other devices call it directly.
/// </remarks>
public static class ChannelAlignedConvolution
{
    /// <summary>The channel block of oneDNN's AVX-512 and AVX2 kernels.</summary>
    public const int Block = 16;

    /// <summary>conv2d(input, weight, bias) with square stride, padding and dilation.</summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, long stride = 1, long padding = 0, long dilation = 1)
    {
        if (input.device_type != TorchSharp.DeviceType.CPU)
        {
            return Plain(input, weight, bias, stride, padding, dilation);
        }

        long outChannels = weight.shape[0], inChannels = weight.shape[1];
        if (inChannels > Block && inChannels % Block != 0)
        {
            var extra = Block - (inChannels % Block);
            input = cat([input, zeros([input.shape[0], extra, input.shape[2], input.shape[3]], input.dtype, input.device)], 1);
            weight = cat([weight, zeros([outChannels, extra, weight.shape[2], weight.shape[3]], weight.dtype, weight.device)], 1);
        }

        if (!is_grad_enabled() || outChannels % Block == 0)
        {
            return Plain(input, weight, bias, stride, padding, dilation);
        }

        var extraFilters = Block - (outChannels % Block);
        var paddedWeight = cat([weight, zeros([extraFilters, weight.shape[1], weight.shape[2], weight.shape[3]], weight.dtype, weight.device)], 0);
        var paddedBias = bias is null ? null : cat([bias, zeros([extraFilters], bias.dtype, bias.device)], 0);
        return Plain(input, paddedWeight, paddedBias, stride, padding, dilation).narrow(1, 0, outChannels);
    }

    private static Tensor Plain(Tensor input, Tensor weight, Tensor? bias, long stride, long padding, long dilation)
        => nn.functional.conv2d(input, weight, bias, strides: [stride, stride], padding: [padding, padding], dilation: [dilation, dilation]);
}
