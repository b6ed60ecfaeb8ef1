namespace Isl.Dicom.Network.Dimse;

/// <summary>A DIMSE request: identified by its Message ID.</summary>
public abstract class DimseRequest : DimseMessage
{
    /// <summary>(0000,0110) Message ID.</summary>
    public required ushort MessageId { get; init; }
}
