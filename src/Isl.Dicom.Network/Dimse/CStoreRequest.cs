namespace Isl.Dicom.Network.Dimse;

/// <summary>C-STORE-RQ: a data set follows.</summary>
public sealed class CStoreRequest : DimseRequest
{
    /// <summary>(0000,0002) Affected SOP Class UID.</summary>
    public required string SopClassUid { get; init; }

    /// <summary>(0000,1000) Affected SOP Instance UID.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>(0000,0700) Priority: 0 medium, 1 high, 2 low.</summary>
    public ushort Priority { get; init; }

    /// <summary>(0000,1030) Move Originator AE title, when the store is a C-MOVE sub-operation.</summary>
    public string? MoveOriginatorAeTitle { get; init; }

    /// <summary>(0000,1031) Move Originator Message ID.</summary>
    public ushort? MoveOriginatorMessageId { get; init; }

    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CStoreRequest;

    /// <inheritdoc />
    public override bool HasDataset => true;

    internal override void WriteTo(DicomDataset command)
    {
        command.Set(DicomTags.AffectedSOPClassUID, DicomVR.UI, SopClassUid);
        command.SetUInt16(DicomTags.CommandField, (ushort)CommandField);
        command.SetUInt16(DicomTags.MessageID, MessageId);
        command.SetUInt16(DicomTags.Priority, Priority);
        command.SetUInt16(DicomTags.CommandDataSetType, 0x0000);
        command.Set(DicomTags.AffectedSOPInstanceUID, DicomVR.UI, SopInstanceUid);
        if (MoveOriginatorAeTitle is not null)
        {
            command.Set(DicomTags.MoveOriginatorApplicationEntityTitle, DicomVR.AE, MoveOriginatorAeTitle);
        }

        if (MoveOriginatorMessageId is { } id)
        {
            command.SetUInt16(DicomTags.MoveOriginatorMessageID, id);
        }
    }
}
