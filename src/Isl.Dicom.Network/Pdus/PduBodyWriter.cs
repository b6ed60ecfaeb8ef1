using System.Buffers.Binary;
using System.Text;

namespace Isl.Dicom.Network.Pdus;

/// <summary>Writes big-endian PDU fields into a span sized by the PDU's length computation.</summary>
internal ref struct PduBodyWriter
{
    private readonly Span<byte> _span;

    public PduBodyWriter(Span<byte> span)
    {
        _span = span;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly Span<byte> Remaining => _span[Position..];

    public void Advance(int count) => Position += count;

    public void WriteByte(byte value) => _span[Position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_span[Position..], value);
        Position += 2;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_span[Position..], value);
        Position += 4;
    }

    public void WriteZeros(int count)
    {
        _span.Slice(Position, count).Clear();
        Position += count;
    }

    public void WriteAscii(string text)
    {
        Position += Encoding.ASCII.GetBytes(text, _span[Position..]);
    }

    /// <summary>An AE title as 16 bytes, space padded.</summary>
    public void WriteAeTitle(string aeTitle)
    {
        var field = _span.Slice(Position, 16);
        field.Fill((byte)' ');
        Encoding.ASCII.GetBytes(aeTitle, field);
        Position += 16;
    }

    /// <summary>An item header (type, reserved, 2-byte length) followed by ASCII text.</summary>
    public void WriteTextItem(byte itemType, string text)
    {
        WriteByte(itemType);
        WriteByte(0);
        WriteUInt16((ushort)text.Length);
        WriteAscii(text);
    }
}
