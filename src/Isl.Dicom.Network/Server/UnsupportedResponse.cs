using Isl.Dicom.Network.Dimse;

namespace Isl.Dicom.Network.Server;

/// <summary>The "unrecognized operation" answer to a command this SCP does not implement.</summary>
internal sealed class UnsupportedResponse(UnsupportedDimseMessage request) : DimseMessage
{
    public override DimseCommandField CommandField => (DimseCommandField)(request.RawCommandField | 0x8000);

    public override bool HasDataset => false;

    internal override void WriteTo(DicomDataset command)
    {
        if (request.SopClassUid is not null)
        {
            command.Set(DicomTags.AffectedSOPClassUID, DicomVR.UI, request.SopClassUid);
        }

        command.SetUInt16(DicomTags.CommandField, (ushort)CommandField);
        command.SetUInt16(DicomTags.MessageIDBeingRespondedTo, request.MessageId);
        command.SetUInt16(DicomTags.CommandDataSetType, NoDataset);
        command.SetUInt16(DicomTags.Status, DimseStatus.UnrecognizedOperation);
    }
}
