namespace Isl.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ: the association is refused.</summary>
/// <param name="result">Permanent or transient.</param>
/// <param name="source">Who refused.</param>
/// <param name="reason">Why (its meaning depends on <paramref name="source"/>).</param>
public sealed class AAssociateRj(AssociateRejectResult result, AssociateRejectSource source, byte reason) : Pdu
{
    /// <summary>Permanent or transient.</summary>
    public AssociateRejectResult Result { get; } = result;

    /// <summary>Who refused.</summary>
    public AssociateRejectSource Source { get; } = source;

    /// <summary>The reason/diagnostic byte (see <see cref="AssociateRejectReason"/>).</summary>
    public byte Reason { get; } = reason;

    /// <inheritdoc />
    public override PduType Type => PduType.AssociateReject;

    internal override int BodyLength => 4;

    /// <inheritdoc />
    public override string ToString() => $"A-ASSOCIATE-RJ result={Result} source={Source} reason={Reason}";

    internal static AAssociateRj Parse(ReadOnlySpan<byte> body)
    {
        body = FourByteBody.Check(body, "A-ASSOCIATE-RJ");
        return new AAssociateRj((AssociateRejectResult)body[1], (AssociateRejectSource)body[2], body[3]);
    }

    internal override void WriteBody(ref PduBodyWriter writer)
    {
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte((byte)Source);
        writer.WriteByte(Reason);
    }
}
