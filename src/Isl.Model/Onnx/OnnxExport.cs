using Isl.Model.Dedn;
using Isl.Model.Drn;
using Isl.Model.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Isl.Model.Onnx;

/// <summary>
/// Writes the DeDN generator and the DRN encoder as ONNX models (opset 17, dynamic batch) from their TorchSharp
/// weights, layer by layer: each module type the networks use maps to the ONNX operators that compute the same thing
/// (GroupNorm as InstanceNormalization over [N, G, C/G·H·W, 1]); any other module stops the export.
/// </summary>
public static class OnnxExport
{
    /// <summary>The default-domain operator set written (ONNX Runtime 1.31 runs opsets up to 23).</summary>
    public const long Opset = 17;

    /// <summary>The generator's file name in a bundle.</summary>
    public const string GeneratorFile = "dedn_generator.onnx";

    /// <summary>The encoder's file name in a bundle.</summary>
    public const string EncoderFile = "drn_encoder.onnx";

    /// <summary>The generator's input name: [N, C + 2, S, S] = [masked image, holes, edges] (<see cref="DeDnGenerator.InpaintInput"/>).</summary>
    public const string GeneratorInput = "inpaint_input";

    /// <summary>The generator's output name: the image [N, C, S, S] in [0, 1].</summary>
    public const string GeneratorOutput = "image";

    /// <summary>The encoder's input name: [N, C, S, S].</summary>
    public const string EncoderInput = "drn_input";

    /// <summary>The encoder's output name: the embedding h [N, D].</summary>
    public const string EncoderOutput = "embedding";

    /// <summary>The generator as an ONNX model for <paramref name="size"/>² inputs.</summary>
    public static byte[] Generator(DeDnGenerator generator, int size)
    {
        var graph = new OnnxGraph();
        var x = GeneratorInput;
        foreach (var stage in generator.Stages)
        {
            x = Emit(graph, stage, x);
        }

        // (tanh(x) + 1) / 2, as DeDnGenerator.forward.
        var one = graph.Floats("one", [1f], []);
        var two = graph.Floats("two", [2f], []);
        x = graph.Node("Div", [graph.Node("Add", [graph.Node("Tanh", [x]), one]), two]);
        var channels = generator.Channels;
        return graph.ToModel("dedn_generator", GeneratorInput, [channels + 2, size, size], x, GeneratorOutput, [channels, size, size]);
    }

    /// <summary>The encoder as an ONNX model for <paramref name="channels"/> × <paramref name="size"/>² inputs.</summary>
    public static byte[] Encoder(DrnEncoder encoder, int channels, int size)
    {
        var graph = new OnnxGraph();
        var x = Emit(graph, encoder.Features, EncoderInput);
        x = Emit(graph, encoder.Head, x);
        return graph.ToModel("drn_encoder", EncoderInput, [channels, size, size], x, EncoderOutput, [encoder.EmbeddingDim]);
    }

    private static string Emit(OnnxGraph graph, nn.Module module, string x)
    {
        switch (module)
        {
            case Sequential sequential:
                foreach (var child in sequential.children())
                {
                    x = Emit(graph, child, x);
                }

                return x;
            case DilatedResidualBlock block:
                return graph.Node("Add", [x, Emit(graph, block.Body, x)]);
            case DrnResidualBlock block:
                return graph.Node("Relu", [graph.Node("Add", [Emit(graph, block.Body, x), Emit(graph, block.Shortcut, x)])]);
            case Identity:
                return x;
            case ReLU:
                return graph.Node("Relu", [x]);
            case ReflectionPad2d pad:
                return Pad(graph, pad.padding, x);
            case AlignedConv2d conv:
                return Conv(graph, conv, x);
            case ConvTranspose2d deconv:
                return ConvTranspose(graph, deconv, x);
            case InstanceNorm2d norm:
                return InstanceNorm(graph, norm, x);
            case GroupNorm norm:
                return GroupNorm(graph, norm, x);
            case AdaptiveAvgPool2d pool when pool.output_size.All(size => size == 1):
                return graph.Node("GlobalAveragePool", [x]);
            case Flatten flatten when flatten.start_dim == 1 && flatten.end_dim == -1:
                return graph.Node("Flatten", [x], OnnxGraph.Int("axis", 1));
            case Linear linear:
                return Linear(graph, linear, x);
            default:
                throw new IslModelException($"ONNX export does not know the module {module.GetType().Name} ('{module.GetName()}') in this form.");
        }
    }

    private static string Pad(OnnxGraph graph, long[] padding, string x)
    {
        // torch order: left, right, top, bottom; ONNX: begins then ends of N, C, H, W.
        long left, right, top, bottom;
        if (padding.Length == 1)
        {
            left = right = top = bottom = padding[0];
        }
        else if (padding.Length == 4)
        {
            (left, right, top, bottom) = (padding[0], padding[1], padding[2], padding[3]);
        }
        else
        {
            throw new IslModelException($"ONNX export: reflection padding with {padding.Length} values.");
        }

        var pads = graph.Int64s("pads", [0, 0, top, left, 0, 0, bottom, right]);
        return graph.Node("Pad", [x, pads], OnnxGraph.Text("mode", "reflect"));
    }

    private static string Conv(OnnxGraph graph, AlignedConv2d conv, string x)
    {
        var weight = Weights(graph, "conv_w", conv.Weight);
        var inputs = conv.Bias is { } bias ? new[] { x, weight, Weights(graph, "conv_b", bias) } : [x, weight];
        var kernel = conv.Weight.shape[2];
        return graph.Node(
            "Conv",
            inputs,
            OnnxGraph.Ints("kernel_shape", [kernel, conv.Weight.shape[3]]),
            OnnxGraph.Ints("strides", [conv.Stride, conv.Stride]),
            OnnxGraph.Ints("pads", [conv.Padding, conv.Padding, conv.Padding, conv.Padding]),
            OnnxGraph.Ints("dilations", [conv.Dilation, conv.Dilation]));
    }

    private static string ConvTranspose(OnnxGraph graph, ConvTranspose2d deconv, string x)
    {
        if (deconv.groups != 1 || deconv.padding_type is not null)
        {
            throw new IslModelException("ONNX export handles ungrouped transposed convolutions with explicit padding only.");
        }

        var weight = Weights(graph, "deconv_w", deconv.weight!);
        var inputs = deconv.bias is { } bias ? new[] { x, weight, Weights(graph, "deconv_b", bias) } : [x, weight];
        var (ph, pw) = Pair(deconv.padding ?? [0]);
        return graph.Node(
            "ConvTranspose",
            inputs,
            OnnxGraph.Ints("kernel_shape", deconv.kernel_size),
            OnnxGraph.Ints("strides", deconv.stride),
            OnnxGraph.Ints("pads", [ph, pw, ph, pw]),
            OnnxGraph.Ints("dilations", deconv.dilation),
            OnnxGraph.Ints("output_padding", deconv.output_padding));
    }

    private static string InstanceNorm(OnnxGraph graph, InstanceNorm2d norm, string x)
    {
        if (norm.track_running_stats)
        {
            throw new IslModelException("ONNX export: instance norm with running statistics is not used by these networks.");
        }

        var channels = norm.num_features;
        var scale = norm.affine ? Weights(graph, "in_scale", norm.weight!) : Constant(graph, "in_ones", 1f, channels);
        var shift = norm.affine ? Weights(graph, "in_bias", norm.bias!) : Constant(graph, "in_zeros", 0f, channels);
        return graph.Node("InstanceNormalization", [x, scale, shift], OnnxGraph.Float("epsilon", (float)norm.eps));
    }

    private static string GroupNorm(OnnxGraph graph, GroupNorm norm, string x)
    {
        if (norm.affine)
        {
            throw new IslModelException("ONNX export: the DRN's group norms have no affine terms.");
        }

        // Normalising each group = normalising each "instance" of [N, G, C/G·H·W, 1].
        var groups = norm.num_groups;
        var shape = graph.Node("Shape", [x]);
        var grouped = graph.Node("Reshape", [x, graph.Int64s("group_shape", [0, groups, -1, 1])]);
        var normalised = graph.Node(
            "InstanceNormalization",
            [grouped, Constant(graph, "gn_ones", 1f, groups), Constant(graph, "gn_zeros", 0f, groups)],
            OnnxGraph.Float("epsilon", (float)norm.eps));
        return graph.Node("Reshape", [normalised, shape]);
    }

    private static string Linear(OnnxGraph graph, Linear linear, string x)
    {
        var weight = Weights(graph, "fc_w", linear.weight!);
        var inputs = linear.bias is { } bias ? new[] { x, weight, Weights(graph, "fc_b", bias) } : [x, weight];
        return graph.Node("Gemm", inputs, OnnxGraph.Int("transB", 1));
    }

    private static string Weights(OnnxGraph graph, string prefix, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var values = tensor.detach().to(CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        return graph.Floats(prefix, values, tensor.shape);
    }

    private static string Constant(OnnxGraph graph, string prefix, float value, long count)
        => graph.Floats(prefix, Enumerable.Repeat(value, (int)count).ToArray(), [count]);

    private static (long H, long W) Pair(long[] values) => values.Length switch
    {
        1 => (values[0], values[0]),
        2 => (values[0], values[1]),
        _ => throw new IslModelException($"ONNX export: {values.Length} padding values for a 2-D convolution."),
    };
}
