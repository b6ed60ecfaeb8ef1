namespace Isl.Dicom.Network.Dimse;

/// <summary>A command this stack does not implement (C-FIND, N-services, ...): answered with "unrecognized operation".</summary>
public sealed class UnsupportedDimseMessage : DimseMessage
{
    /// <summary>Creates the message from its decoded fields.</summary>
    public UnsupportedDimseMessage(ushort commandField, ushort messageId, bool hasDataset, string? sopClassUid)
    {
        RawCommandField = commandField;
        MessageId = messageId;
        HasDataset = hasDataset;
        SopClassUid = sopClassUid;
    }

    /// <summary>The command field as received.</summary>
    public ushort RawCommandField { get; }

    /// <summary>The Message ID (0 for responses without one).</summary>
    public ushort MessageId { get; }

    /// <summary>The affected SOP class, if any.</summary>
    public string? SopClassUid { get; }

    /// <inheritdoc />
    public override DimseCommandField CommandField => (DimseCommandField)RawCommandField;

    /// <inheritdoc />
    public override bool HasDataset { get; }

    internal override void WriteTo(DicomDataset command) =>
        throw new NotSupportedException($"Command 0x{RawCommandField:X4} is not sent by this stack.");
}
