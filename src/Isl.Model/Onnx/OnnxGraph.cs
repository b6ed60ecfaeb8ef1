using System.Runtime.InteropServices;

namespace Isl.Model.Onnx;

/// <summary>
/// Builds an ONNX model (ModelProto, IR 8, opset 17) of float32 nodes: initializers, nodes in topological order, one
/// input and one output whose first dimension is the batch (<c>N</c>). Field numbers are onnx.proto's.
/// </summary>
internal sealed class OnnxGraph
{
    /// <summary>The ONNX IR version written (ONNX 1.13+, read by every ONNX Runtime since 1.14).</summary>
    public const long IrVersion = 8;

    /// <summary>The default-domain operator set written.</summary>
    public const long Opset = OnnxExport.Opset;

    private const int FloatType = 1;
    private const int Int64Type = 7;
    private readonly List<ProtoWriter> nodes = [];
    private readonly List<ProtoWriter> initializers = [];
    private int counter;

    /// <summary>A float32 initializer (weights); returns its name, <paramref name="prefix"/> and a serial number.</summary>
    public string Floats(string prefix, ReadOnlySpan<float> values, IReadOnlyList<long> dims)
    {
        var name = $"{prefix}_{counter++}";
        var tensor = new ProtoWriter().PackedInt64(1, dims).Int64(2, FloatType).String(8, name).Bytes(9, MemoryMarshal.AsBytes(values));
        initializers.Add(tensor);
        return name;
    }

    /// <summary>A 1-D int64 initializer (pads, shapes); returns its name, <paramref name="prefix"/> and a serial number.</summary>
    public string Int64s(string prefix, IReadOnlyList<long> values)
    {
        var name = $"{prefix}_{counter++}";
        var raw = new byte[values.Count * sizeof(long)];
        for (var i = 0; i < values.Count; i++)
        {
            BitConverter.TryWriteBytes(raw.AsSpan(i * sizeof(long)), values[i]);
        }

        initializers.Add(new ProtoWriter().PackedInt64(1, [values.Count]).Int64(2, Int64Type).String(8, name).Bytes(9, raw));
        return name;
    }

    /// <summary>A node of <paramref name="op"/> over <paramref name="inputs"/>; returns its (single) output's name.</summary>
    public string Node(string op, IReadOnlyList<string> inputs, params ProtoWriter[] attributes)
    {
        var output = $"{op.ToLowerInvariant()}_{counter++}";
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, output).String(4, op);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute);
        }

        nodes.Add(node);
        return output;
    }

    /// <summary>An INT attribute.</summary>
    public static ProtoWriter Int(string name, long value) => new ProtoWriter().String(1, name).Int64(20, 2).Int64(3, value);

    /// <summary>An INTS attribute.</summary>
    public static ProtoWriter Ints(string name, IEnumerable<long> values) => new ProtoWriter().String(1, name).Int64(20, 7).PackedInt64(8, values);

    /// <summary>A FLOAT attribute.</summary>
    public static ProtoWriter Float(string name, float value) => new ProtoWriter().String(1, name).Int64(20, 1).Float(2, value);

    /// <summary>A STRING attribute.</summary>
    public static ProtoWriter Text(string name, string value) => new ProtoWriter().String(1, name).Int64(20, 3).String(4, value);

    /// <summary>
    /// The serialised model: graph input <paramref name="input"/> of shape [N, <paramref name="inputDims"/>…] and the
    /// value <paramref name="result"/> as output <paramref name="output"/> of shape [N, <paramref name="outputDims"/>…].
    /// </summary>
    public byte[] ToModel(string graphName, string input, IReadOnlyList<long> inputDims, string result, string output, IReadOnlyList<long> outputDims)
    {
        // The output needs its own name: rename the last node's output.
        var graph = new ProtoWriter();
        foreach (var node in nodes)
        {
            graph.Message(1, node);
        }

        graph.Message(1, new ProtoWriter().String(1, result).String(2, output).String(3, output).String(4, "Identity"));
        graph.String(2, graphName);
        foreach (var initializer in initializers)
        {
            graph.Message(5, initializer);
        }

        graph.Message(11, ValueInfo(input, inputDims));
        graph.Message(12, ValueInfo(output, outputDims));
        return new ProtoWriter()
            .Int64(1, IrVersion)
            .String(2, "isl-trainer")
            .String(3, typeof(OnnxGraph).Assembly.GetName().Version?.ToString() ?? "0")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Int64(2, Opset))
            .ToArray();
    }

    private static ProtoWriter ValueInfo(string name, IReadOnlyList<long> dims)
    {
        var shape = new ProtoWriter().Message(1, new ProtoWriter().String(2, "N"));
        foreach (var dim in dims)
        {
            shape.Message(1, new ProtoWriter().Int64(1, dim));
        }

        var tensorType = new ProtoWriter().Int64(1, FloatType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
