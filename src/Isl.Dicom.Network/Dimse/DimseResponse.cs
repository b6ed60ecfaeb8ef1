namespace Isl.Dicom.Network.Dimse;

/// <summary>A DIMSE response: answers a Message ID with a status.</summary>
public abstract class DimseResponse : DimseMessage
{
    /// <summary>(0000,0120) Message ID Being Responded To.</summary>
    public required ushort MessageIdBeingRespondedTo { get; init; }

    /// <summary>(0000,0900) Status.</summary>
    public required ushort Status { get; init; }

    /// <summary>(0000,0902) Error Comment, when the status is not success.</summary>
    public string? ErrorComment { get; init; }

    /// <inheritdoc />
    public override bool HasDataset => false;

    internal void WriteResponseFields(DicomDataset command)
    {
        command.SetUInt16(DicomTags.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo);
        command.SetUInt16(DicomTags.Status, Status);
        if (!string.IsNullOrEmpty(ErrorComment))
        {
            command.Set(DicomTags.ErrorComment, DicomVR.LO, ErrorComment.Length > 64 ? ErrorComment[..64] : ErrorComment);
        }
    }
}
