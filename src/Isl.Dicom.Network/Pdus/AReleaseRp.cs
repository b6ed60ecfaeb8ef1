namespace Isl.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RP: the acceptor agrees to end the association.</summary>
public sealed class AReleaseRp : Pdu
{
    /// <inheritdoc />
    public override PduType Type => PduType.ReleaseResponse;

    internal override int BodyLength => 4;

    /// <inheritdoc />
    public override string ToString() => "A-RELEASE-RP";

    internal static AReleaseRp Parse(ReadOnlySpan<byte> body)
    {
        FourByteBody.Check(body, "A-RELEASE-RP");
        return new AReleaseRp();
    }

    internal override void WriteBody(ref PduBodyWriter writer) => writer.WriteZeros(4);
}
