using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network.Tests.TestData;

/// <summary>Malformed upper-layer input for the SCP: each case must end in an abort or a close, never a hang.</summary>
internal static class HostilePdus
{
    /// <summary>An A-ASSOCIATE-RQ the test SCP accepts (Verification and CT, implicit VR).</summary>
    public static AAssociateRq AcceptedRequest() => new()
    {
        CalledAeTitle = "ISL-TEST",
        CallingAeTitle = "ECHOSCU",
        PresentationContexts = [new PresentationContextProposal(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"]), new PresentationContextProposal(3, "1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2"])],
        UserInformation = new UserInformation { MaxPduLength = 16384 },
    };

    /// <summary>Case <paramref name="i"/> of ten kinds: random bytes, absurd lengths, truncated or padded requests, bad PDVs after a good request.</summary>
    public static byte[] Payload(int i, Random random, byte[] accepted)
    {
        byte[] Random(int max)
        {
            var bytes = new byte[random.Next(1, max)];
            random.NextBytes(bytes);
            return bytes;
        }

        byte[] Pdu(byte type, uint length, byte[] body) =>
            [type, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. body];

        var command = DimseCommandCodec.Encode(new CStoreRequest { MessageId = 1, SopClassUid = "1.2.840.10008.5.1.4.1.1.2", SopInstanceUid = "1.2.3" });
        return (i % 10) switch
        {
            0 => Random(2000),
            1 => Pdu(1, 0xFFFFFFF0, Random(100)),
            2 => accepted[..random.Next(1, accepted.Length)],
            3 => new PDataTf([new PresentationDataValue(1, true, true, command)]).Encode(),
            4 => Pdu(1, 1_000_000, Random(1000)),
            5 => [.. accepted, .. Random(500)],
            6 => [.. accepted, .. Pdu(4, 12, [0, 0, 0, 0x7F, 1, 3, 1, 2, 3, 4, 5, 6])],
            7 => [.. accepted, .. new PDataTf([new PresentationDataValue(3, false, true, Random(100))]).Encode()],
            8 => [.. accepted, .. new PDataTf([new PresentationDataValue(3, true, true, Random(200))]).Encode()],
            _ => [.. accepted, .. new PDataTf([new PresentationDataValue(5, true, true, command)]).Encode()],
        };
    }
}
