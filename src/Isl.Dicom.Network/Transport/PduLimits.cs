namespace Isl.Dicom.Network.Transport;

/// <summary>The largest PDU bodies a connection accepts before allocating anything for them.</summary>
/// <param name="MaxDataPduLength">The largest P-DATA-TF body (what we announced as maximum length).</param>
/// <param name="MaxControlPduLength">The largest body of any other PDU (association negotiation).</param>
internal readonly record struct PduLimits(int MaxDataPduLength, int MaxControlPduLength)
{
    public int For(byte type) => type == 0x04 ? MaxDataPduLength : MaxControlPduLength;
}
