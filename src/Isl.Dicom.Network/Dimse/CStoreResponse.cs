namespace Isl.Dicom.Network.Dimse;

/// <summary>C-STORE-RSP.</summary>
public sealed class CStoreResponse : DimseResponse
{
    /// <summary>(0000,0002) Affected SOP Class UID.</summary>
    public string? SopClassUid { get; init; }

    /// <summary>(0000,1000) Affected SOP Instance UID.</summary>
    public string? SopInstanceUid { get; init; }

    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CStoreResponse;

    internal override void WriteTo(DicomDataset command)
    {
        if (SopClassUid is not null)
        {
            command.Set(DicomTags.AffectedSOPClassUID, DicomVR.UI, SopClassUid);
        }

        command.SetUInt16(DicomTags.CommandField, (ushort)CommandField);
        command.SetUInt16(DicomTags.CommandDataSetType, NoDataset);
        if (SopInstanceUid is not null)
        {
            command.Set(DicomTags.AffectedSOPInstanceUID, DicomVR.UI, SopInstanceUid);
        }

        WriteResponseFields(command);
    }
}
