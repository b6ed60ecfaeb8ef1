namespace Isl.Dicom.Network.Dimse;

/// <summary>C-ECHO-RSP.</summary>
public sealed class CEchoResponse : DimseResponse
{
    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CEchoResponse;

    internal override void WriteTo(DicomDataset command)
    {
        command.Set(DicomTags.AffectedSOPClassUID, DicomVR.UI, CEchoRequest.VerificationSopClassUid);
        command.SetUInt16(DicomTags.CommandField, (ushort)CommandField);
        command.SetUInt16(DicomTags.CommandDataSetType, NoDataset);
        WriteResponseFields(command);
    }
}
