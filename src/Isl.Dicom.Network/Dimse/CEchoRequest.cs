namespace Isl.Dicom.Network.Dimse;

/// <summary>C-ECHO-RQ (Verification).</summary>
public sealed class CEchoRequest : DimseRequest
{
    /// <summary>The Verification SOP class UID.</summary>
    public const string VerificationSopClassUid = "1.2.840.10008.1.1";

    /// <inheritdoc />
    public override DimseCommandField CommandField => DimseCommandField.CEchoRequest;

    /// <inheritdoc />
    public override bool HasDataset => false;

    internal override void WriteTo(DicomDataset command)
    {
        command.Set(DicomTags.AffectedSOPClassUID, DicomVR.UI, VerificationSopClassUid);
        command.SetUInt16(DicomTags.CommandField, (ushort)CommandField);
        command.SetUInt16(DicomTags.MessageID, MessageId);
        command.SetUInt16(DicomTags.CommandDataSetType, NoDataset);
    }
}
