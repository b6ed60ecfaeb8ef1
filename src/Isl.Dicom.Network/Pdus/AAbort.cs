namespace Isl.Dicom.Network.Pdus;

/// <summary>A-ABORT: the association ends at once.</summary>
/// <param name="source">Service user or provider.</param>
/// <param name="reason">The provider's reason (0 for a user abort).</param>
public sealed class AAbort(AbortSource source, AbortReason reason) : Pdu
{
    /// <summary>Service user or provider.</summary>
    public AbortSource Source { get; } = source;

    /// <summary>The provider's reason (0 for a user abort).</summary>
    public AbortReason Reason { get; } = reason;

    /// <inheritdoc />
    public override PduType Type => PduType.Abort;

    internal override int BodyLength => 4;

    /// <inheritdoc />
    public override string ToString() => $"A-ABORT source={Source} reason={Reason}";

    internal static AAbort Parse(ReadOnlySpan<byte> body)
    {
        body = FourByteBody.Check(body, "A-ABORT");
        return new AAbort((AbortSource)body[2], (AbortReason)body[3]);
    }

    internal override void WriteBody(ref PduBodyWriter writer)
    {
        writer.WriteZeros(2);
        writer.WriteByte((byte)Source);
        writer.WriteByte((byte)Reason);
    }
}
