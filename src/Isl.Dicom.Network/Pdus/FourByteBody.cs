namespace Isl.Dicom.Network.Pdus;

/// <summary>Shared parsing of the fixed 4-byte bodies (A-ASSOCIATE-RJ, A-RELEASE-RQ/RP, A-ABORT).</summary>
internal static class FourByteBody
{
    public static ReadOnlySpan<byte> Check(ReadOnlySpan<byte> body, string what)
    {
        if (body.Length != 4)
        {
            throw new DicomProtocolException($"{what} must have a 4-byte body, not {body.Length}.", AbortReason.InvalidPduParameterValue);
        }

        return body;
    }
}
