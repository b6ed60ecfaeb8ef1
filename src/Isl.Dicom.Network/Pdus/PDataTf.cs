using System.Buffers.Binary;

namespace Isl.Dicom.Network.Pdus;

/// <summary>P-DATA-TF: one or more presentation data values.</summary>
/// <param name="values">The PDVs in order.</param>
public sealed class PDataTf(IReadOnlyList<PresentationDataValue> values) : Pdu
{
    /// <summary>The PDVs in order.</summary>
    public IReadOnlyList<PresentationDataValue> Values { get; } = values;

    /// <inheritdoc />
    public override PduType Type => PduType.DataTransfer;

    internal override int BodyLength => Values.Sum(v => PresentationDataValue.Overhead + v.Data.Length);

    /// <inheritdoc />
    public override string ToString() => $"P-DATA-TF {Values.Count} PDVs, {BodyLength} bytes";

    internal static PDataTf Parse(ReadOnlyMemory<byte> body)
    {
        var values = new List<PresentationDataValue>(1);
        var offset = 0;
        while (offset < body.Length)
        {
            if (body.Length - offset < PresentationDataValue.Overhead)
            {
                throw new DicomProtocolException($"P-DATA-TF: a PDV header at offset {offset} is truncated.");
            }

            var span = body.Span;
            var itemLength = BinaryPrimitives.ReadUInt32BigEndian(span[offset..]);
            if (itemLength < 2 || itemLength > (uint)(body.Length - offset - 4))
            {
                throw new DicomProtocolException($"P-DATA-TF: the PDV at offset {offset} claims {itemLength} bytes; {body.Length - offset - 4} remain.");
            }

            var contextId = span[offset + 4];
            var control = span[offset + 5];
            if ((control & 0xFC) != 0 || contextId % 2 == 0)
            {
                throw new DicomProtocolException($"P-DATA-TF: invalid PDV context id {contextId} or control header 0x{control:X2}.");
            }

            values.Add(new PresentationDataValue(contextId, (control & 1) != 0, (control & 2) != 0, body.Slice(offset + 6, (int)itemLength - 2)));
            offset += 4 + (int)itemLength;
        }

        if (values.Count == 0)
        {
            throw new DicomProtocolException("P-DATA-TF holds no presentation data value.");
        }

        return new PDataTf(values);
    }

    internal override void WriteBody(ref PduBodyWriter writer)
    {
        foreach (var value in Values)
        {
            writer.WriteUInt32((uint)(value.Data.Length + 2));
            writer.WriteByte(value.PresentationContextId);
            writer.WriteByte(value.ControlHeader);
            value.Data.Span.CopyTo(writer.Remaining);
            writer.Advance(value.Data.Length);
        }
    }
}
