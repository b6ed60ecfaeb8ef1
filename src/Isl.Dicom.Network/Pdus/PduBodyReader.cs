using System.Buffers.Binary;
using System.Text;

namespace Isl.Dicom.Network.Pdus;

/// <summary>Reads big-endian PDU fields; every read is bounds-checked and fails as a protocol error.</summary>
internal ref struct PduBodyReader
{
    private readonly ReadOnlySpan<byte> _span;
    private readonly string _what;

    public PduBodyReader(ReadOnlySpan<byte> span, string what)
    {
        _span = span;
        _what = what;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _span.Length - Position;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public void Skip(int count) => Take(count);

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new DicomProtocolException($"{_what}: a field of {count} bytes at offset {Position} runs past the end ({_span.Length} bytes).");
        }

        var slice = _span.Slice(Position, count);
        Position += count;
        return slice;
    }

    /// <summary>An ASCII UID or name, trailing NUL/space padding removed.</summary>
    public string ReadText(int count) => DecodeText(Take(count));

    public static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not 0 and (< 0x20 or > 0x7E))
            {
                throw new DicomProtocolException($"A text field holds the non-printable byte 0x{b:X2}.");
            }
        }

        return Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ').TrimStart(' ');
    }
}
