using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Isl.Model.Onnx;

/// <summary>
/// Writes one protocol-buffers message (the wire format: varints, length-delimited fields, fixed32), enough for the
/// ONNX messages <see cref="OnnxGraph"/> needs; nested messages are written by an inner writer and embedded.
/// </summary>
internal sealed class ProtoWriter
{
    private const int VarintWire = 0;
    private const int LengthDelimitedWire = 2;
    private const int Fixed32Wire = 5;
    private readonly ArrayBufferWriter<byte> buffer = new();

    /// <summary>An int64 / int32 / enum field (varint; negative values as ten bytes, as protobuf does).</summary>
    public ProtoWriter Int64(int field, long value)
    {
        Tag(field, VarintWire);
        Varint(unchecked((ulong)value));
        return this;
    }

    /// <summary>A float field.</summary>
    public ProtoWriter Float(int field, float value)
    {
        Tag(field, Fixed32Wire);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        buffer.Write(bytes);
        return this;
    }

    /// <summary>A string (or UTF-8 bytes) field.</summary>
    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A bytes field.</summary>
    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimitedWire);
        Varint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    /// <summary>An embedded message field.</summary>
    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.buffer.WrittenSpan);

    /// <summary>A packed repeated int64 field.</summary>
    public ProtoWriter PackedInt64(int field, IEnumerable<long> values)
    {
        var packed = new ProtoWriter();
        foreach (var value in values)
        {
            packed.Varint(unchecked((ulong)value));
        }

        return Message(field, packed);
    }

    /// <summary>The message's bytes.</summary>
    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    private void Tag(int field, int wire) => Varint(((ulong)field << 3) | (uint)wire);

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        buffer.Write([(byte)value]);
    }
}
