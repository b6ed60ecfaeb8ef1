namespace Isl.Dicom.Network.Dimse;

/// <summary>A DIMSE message: its command set (group 0000) and whether a data set follows.</summary>
public abstract class DimseMessage
{
    /// <summary>CommandDataSetType value meaning "no data set".</summary>
    public const ushort NoDataset = 0x0101;

    /// <summary>The command field.</summary>
    public abstract DimseCommandField CommandField { get; }

    /// <summary>True when a data set follows the command.</summary>
    public abstract bool HasDataset { get; }

    /// <summary>Writes the message's elements (without the group length) into a command data set.</summary>
    internal abstract void WriteTo(DicomDataset command);
}
