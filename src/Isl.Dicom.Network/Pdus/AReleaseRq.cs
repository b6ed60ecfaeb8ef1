namespace Isl.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ: the requestor asks to end the association.</summary>
public sealed class AReleaseRq : Pdu
{
    /// <inheritdoc />
    public override PduType Type => PduType.ReleaseRequest;

    internal override int BodyLength => 4;

    /// <inheritdoc />
    public override string ToString() => "A-RELEASE-RQ";

    internal static AReleaseRq Parse(ReadOnlySpan<byte> body)
    {
        FourByteBody.Check(body, "A-RELEASE-RQ");
        return new AReleaseRq();
    }

    internal override void WriteBody(ref PduBodyWriter writer) => writer.WriteZeros(4);
}
