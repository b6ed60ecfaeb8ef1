using System.Buffers.Binary;

namespace Isl.Dicom.Network.Dimse;

/// <summary>Encodes and decodes DIMSE command sets: group 0000 in Implicit VR Little Endian (PS3.7 6.3.1).</summary>
public static class DimseCommandCodec
{
    /// <summary>Encodes the command set, group length first.</summary>
    public static byte[] Encode(DimseMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var command = new DicomDataset();
        message.WriteTo(command);
        var body = DicomDatasetWriter.Encode(command, DicomTransferSyntax.ImplicitVRLittleEndian);
        var bytes = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, 0x0000);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 0x0000);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)body.Length);
        body.CopyTo(bytes, 12);
        return bytes;
    }

    /// <summary>Decodes a command set.</summary>
    /// <exception cref="DicomProtocolException">The bytes are not a valid command set.</exception>
    public static DimseMessage Decode(ReadOnlySpan<byte> bytes)
    {
        DicomDataset command;
        try
        {
            command = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);
        }
        catch (DicomException ex)
        {
            throw new DicomProtocolException($"The DIMSE command set cannot be parsed: {ex.Message}");
        }

        try
        {
            return Decode(command);
        }
        catch (DicomException ex)
        {
            throw new DicomProtocolException($"The DIMSE command set is invalid: {ex.Message}");
        }
    }

    private static DimseMessage Decode(DicomDataset command)
    {
        var field = command.GetUInt16(DicomTags.CommandField);
        var hasDataset = command.GetUInt16(DicomTags.CommandDataSetType) != DimseMessage.NoDataset;
        switch ((DimseCommandField)field)
        {
            case DimseCommandField.CEchoRequest:
                return new CEchoRequest { MessageId = command.GetUInt16(DicomTags.MessageID) };
            case DimseCommandField.CStoreRequest:
                return new CStoreRequest
                {
                    MessageId = command.GetUInt16(DicomTags.MessageID),
                    SopClassUid = command.GetString(DicomTags.AffectedSOPClassUID),
                    SopInstanceUid = command.GetString(DicomTags.AffectedSOPInstanceUID),
                    Priority = command.TryGetUInt16(DicomTags.Priority, out var priority) ? priority : (ushort)0,
                    MoveOriginatorAeTitle = command.GetStringOrDefault(DicomTags.MoveOriginatorApplicationEntityTitle),
                    MoveOriginatorMessageId = command.TryGetUInt16(DicomTags.MoveOriginatorMessageID, out var moveId) ? moveId : null,
                };
            case DimseCommandField.CEchoResponse:
                return new CEchoResponse
                {
                    MessageIdBeingRespondedTo = command.GetUInt16(DicomTags.MessageIDBeingRespondedTo),
                    Status = command.GetUInt16(DicomTags.Status),
                    ErrorComment = command.GetStringOrDefault(DicomTags.ErrorComment),
                };
            case DimseCommandField.CStoreResponse:
                return new CStoreResponse
                {
                    MessageIdBeingRespondedTo = command.GetUInt16(DicomTags.MessageIDBeingRespondedTo),
                    Status = command.GetUInt16(DicomTags.Status),
                    ErrorComment = command.GetStringOrDefault(DicomTags.ErrorComment),
                    SopClassUid = command.GetStringOrDefault(DicomTags.AffectedSOPClassUID),
                    SopInstanceUid = command.GetStringOrDefault(DicomTags.AffectedSOPInstanceUID),
                };
            default:
                return new UnsupportedDimseMessage(
                    field,
                    command.TryGetUInt16(DicomTags.MessageID, out var id) ? id : (ushort)0,
                    hasDataset,
                    command.GetStringOrDefault(DicomTags.AffectedSOPClassUID) ?? command.GetStringOrDefault(DicomTags.RequestedSOPClassUID));
        }
    }
}
