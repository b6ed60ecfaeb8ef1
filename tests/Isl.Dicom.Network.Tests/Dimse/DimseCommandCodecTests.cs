using Isl.Dicom.Network.Dimse;

namespace Isl.Dicom.Network.Tests.Dimse;

public sealed class DimseCommandCodecTests
{
    [Fact]
    public void Store_request_round_trips_with_a_correct_group_length()
    {
        var bytes = DimseCommandCodec.Encode(new CStoreRequest { MessageId = 7, SopClassUid = "1.2.840.10008.5.1.4.1.1.2", SopInstanceUid = "1.2.3.4.5", Priority = 1 });
        Assert.Equal((uint)(bytes.Length - 12), BitConverter.ToUInt32(bytes, 8));

        var decoded = Assert.IsType<CStoreRequest>(DimseCommandCodec.Decode(bytes));
        Assert.Equal(7, decoded.MessageId);
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2", decoded.SopClassUid);
        Assert.Equal("1.2.3.4.5", decoded.SopInstanceUid);
        Assert.Equal(1, decoded.Priority);
        Assert.True(decoded.HasDataset);
    }

    [Fact]
    public void Responses_round_trip_with_status_and_comment()
    {
        var store = Assert.IsType<CStoreResponse>(DimseCommandCodec.Decode(DimseCommandCodec.Encode(
            new CStoreResponse { MessageIdBeingRespondedTo = 9, Status = DimseStatus.OutOfResources, ErrorComment = "disk low", SopInstanceUid = "1.2.3" })));
        Assert.Equal(9, store.MessageIdBeingRespondedTo);
        Assert.Equal(DimseStatus.OutOfResources, store.Status);
        Assert.Equal("disk low", store.ErrorComment);
        Assert.Equal("1.2.3", store.SopInstanceUid);

        var echo = Assert.IsType<CEchoResponse>(DimseCommandCodec.Decode(DimseCommandCodec.Encode(new CEchoResponse { MessageIdBeingRespondedTo = 1, Status = 0 })));
        Assert.Equal(DimseStatus.Success, echo.Status);
        Assert.IsType<CEchoRequest>(DimseCommandCodec.Decode(DimseCommandCodec.Encode(new CEchoRequest { MessageId = 1 })));
    }

    [Fact]
    public void Garbage_or_incomplete_commands_are_protocol_errors()
    {
        Assert.Throws<DicomProtocolException>(() => DimseCommandCodec.Decode(new byte[] { 0x00, 0x00, 0x00, 0x01, 0xFF, 0xFF, 0xFF, 0x7F, 1 }));
        var missingField = new DicomDataset().SetUInt16(DicomTags.MessageID, 1);
        Assert.Throws<DicomProtocolException>(() => DimseCommandCodec.Decode(DicomDatasetWriter.Encode(missingField, DicomTransferSyntax.ImplicitVRLittleEndian)));
    }

    [Fact]
    public void Status_classes_follow_ps3_7()
    {
        Assert.True(DimseStatus.IsFailure(DimseStatus.OutOfResources));
        Assert.True(DimseStatus.IsFailure(DimseStatus.SopClassNotSupported));
        Assert.True(DimseStatus.IsWarning(0xB007));
        Assert.False(DimseStatus.IsFailure(DimseStatus.Success));
    }
}
