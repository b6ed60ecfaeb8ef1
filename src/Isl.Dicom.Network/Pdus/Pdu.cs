using System.Buffers.Binary;

namespace Isl.Dicom.Network.Pdus;

/// <summary>One protocol data unit of the DICOM upper layer: a 6-byte header (type, reserved, 32-bit length) and a body.</summary>
public abstract class Pdu
{
    /// <summary>The size of the PDU header.</summary>
    public const int HeaderLength = 6;

    /// <summary>The PDU type byte.</summary>
    public abstract PduType Type { get; }

    /// <summary>The length of the body (the PDU-length field).</summary>
    internal abstract int BodyLength { get; }

    /// <summary>Encodes the whole PDU, header included.</summary>
    public byte[] Encode()
    {
        var bodyLength = BodyLength;
        var buffer = new byte[HeaderLength + bodyLength];
        WriteHeader(buffer, Type, bodyLength);
        var writer = new PduBodyWriter(buffer.AsSpan(HeaderLength));
        WriteBody(ref writer);
        return buffer;
    }

    /// <summary>Decodes a PDU body of the given type (the header has been read and its length checked).</summary>
    /// <exception cref="DicomProtocolException">The body is malformed or the type is unknown.</exception>
    public static Pdu Decode(PduType type, ReadOnlyMemory<byte> body) => type switch
    {
        PduType.AssociateRequest => AAssociateRq.Parse(body.Span),
        PduType.AssociateAccept => AAssociateAc.Parse(body.Span),
        PduType.AssociateReject => AAssociateRj.Parse(body.Span),
        PduType.DataTransfer => PDataTf.Parse(body),
        PduType.ReleaseRequest => AReleaseRq.Parse(body.Span),
        PduType.ReleaseResponse => AReleaseRp.Parse(body.Span),
        PduType.Abort => AAbort.Parse(body.Span),
        _ => throw new DicomProtocolException($"Unrecognized PDU type 0x{(byte)type:X2}.", AbortReason.UnrecognizedPdu),
    };

    internal static void WriteHeader(Span<byte> destination, PduType type, int bodyLength)
    {
        destination[0] = (byte)type;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)bodyLength);
    }

    internal abstract void WriteBody(ref PduBodyWriter writer);
}
