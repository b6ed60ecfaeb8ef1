using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network.Tests.Pdus;

public sealed class PduRoundTripTests
{
    internal static AAssociateRq SampleRequest() => new()
    {
        CalledAeTitle = "ISL-AGENT",
        CallingAeTitle = "MODALITY1",
        PresentationContexts =
        [
            new PresentationContextProposal(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"]),
            new PresentationContextProposal(3, "1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.5"]),
        ],
        UserInformation = new UserInformation
        {
            MaxPduLength = 16384,
            ImplementationClassUid = "1.2.3.4",
            ImplementationVersionName = "TEST_1",
            RoleSelections = [new RoleSelection("1.2.840.10008.5.1.4.1.1.2", true, false)],
        },
    };

    [Fact]
    public void Associate_request_survives_encode_and_decode()
    {
        var bytes = SampleRequest().Encode();
        Assert.Equal((byte)PduType.AssociateRequest, bytes[0]);
        Assert.Equal(bytes.Length - 6, (bytes[2] << 24) | (bytes[3] << 16) | (bytes[4] << 8) | bytes[5]);

        var decoded = Assert.IsType<AAssociateRq>(Pdu.Decode(PduType.AssociateRequest, bytes.AsMemory(6)));
        Assert.Equal("ISL-AGENT", decoded.CalledAeTitle);
        Assert.Equal("MODALITY1", decoded.CallingAeTitle);
        Assert.Equal(AAssociateRq.DicomApplicationContext, decoded.ApplicationContextName);
        Assert.Equal(2, decoded.PresentationContexts.Count);
        Assert.Equal(["1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.5"], decoded.PresentationContexts[1].TransferSyntaxes);
        Assert.Equal(16384u, decoded.UserInformation.MaxPduLength);
        Assert.Equal("1.2.3.4", decoded.UserInformation.ImplementationClassUid);
        Assert.Equal("TEST_1", decoded.UserInformation.ImplementationVersionName);
        Assert.Equal(new RoleSelection("1.2.840.10008.5.1.4.1.1.2", true, false), Assert.Single(decoded.UserInformation.RoleSelections));
    }

    [Fact]
    public void Associate_accept_survives_encode_and_decode()
    {
        var accept = new AAssociateAc
        {
            CalledAeTitle = "ISL-AGENT",
            CallingAeTitle = "MODALITY1",
            PresentationContexts =
            [
                new PresentationContextResult(1, PresentationContextResultCode.Acceptance, "1.2.840.10008.1.2"),
                new PresentationContextResult(3, PresentationContextResultCode.AbstractSyntaxNotSupported, "1.2.840.10008.1.2"),
            ],
            UserInformation = new UserInformation { MaxPduLength = 0, ImplementationClassUid = "1.2.3" },
        };
        var bytes = accept.Encode();
        var decoded = Assert.IsType<AAssociateAc>(Pdu.Decode(PduType.AssociateAccept, bytes.AsMemory(6)));
        Assert.Equal(accept.PresentationContexts, decoded.PresentationContexts);
        Assert.Equal(0u, decoded.UserInformation.MaxPduLength);
    }

    [Fact]
    public void Fixed_size_pdus_survive_encode_and_decode()
    {
        var reject = Assert.IsType<AAssociateRj>(RoundTrip(new AAssociateRj(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 2)));
        Assert.Equal(AssociateRejectResult.RejectedTransient, reject.Result);
        Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, reject.Source);
        Assert.Equal(2, reject.Reason);
        var abort = Assert.IsType<AAbort>(RoundTrip(new AAbort(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu)));
        Assert.Equal(AbortReason.UnexpectedPdu, abort.Reason);
        Assert.IsType<AReleaseRq>(RoundTrip(new AReleaseRq()));
        Assert.IsType<AReleaseRp>(RoundTrip(new AReleaseRp()));
    }

    [Fact]
    public void Data_transfer_keeps_every_fragment_and_flag()
    {
        var pdu = new PDataTf([
            new PresentationDataValue(1, true, true, new byte[] { 1, 2, 3 }),
            new PresentationDataValue(3, false, false, new byte[] { 4 }),
            new PresentationDataValue(3, false, true, Array.Empty<byte>()),
        ]);
        var decoded = Assert.IsType<PDataTf>(RoundTrip(pdu));
        Assert.Equal(3, decoded.Values.Count);
        Assert.True(decoded.Values[0].IsCommand && decoded.Values[0].IsLast);
        Assert.Equal([1, 2, 3], decoded.Values[0].Data.ToArray());
        Assert.False(decoded.Values[1].IsCommand || decoded.Values[1].IsLast);
        Assert.True(decoded.Values[2].IsLast);
        Assert.Equal(0, decoded.Values[2].Data.Length);
    }

    private static Pdu RoundTrip(Pdu pdu)
    {
        var bytes = pdu.Encode();
        return Pdu.Decode((PduType)bytes[0], bytes.AsMemory(6));
    }
}
