namespace Isl.Dicom.Network.Pdus;

/// <summary>One PDV of a P-DATA-TF PDU: a fragment of a DIMSE command or data set.</summary>
/// <param name="PresentationContextId">The presentation context the message travels on.</param>
/// <param name="IsCommand">True for a command fragment, false for a data set fragment.</param>
/// <param name="IsLast">True for the last fragment of the command or data set.</param>
/// <param name="Data">The fragment bytes (for received PDUs, valid until the next PDU is read).</param>
public readonly record struct PresentationDataValue(byte PresentationContextId, bool IsCommand, bool IsLast, ReadOnlyMemory<byte> Data)
{
    /// <summary>Bytes a PDV adds around its data: 4-byte length, context id, control header.</summary>
    public const int Overhead = 6;

    internal byte ControlHeader => (byte)((IsCommand ? 1 : 0) | (IsLast ? 2 : 0));
}
