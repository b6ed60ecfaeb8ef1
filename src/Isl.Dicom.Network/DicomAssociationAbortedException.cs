using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network;

/// <summary>The association ended with an A-ABORT (received or sent) or the connection dropped.</summary>
public sealed class DicomAssociationAbortedException : DicomNetworkException
{
    /// <summary>Creates the exception from a received A-ABORT.</summary>
    public DicomAssociationAbortedException(AAbort abort)
        : base($"Association aborted by the peer: {abort}")
    {
        Abort = abort;
    }

    /// <summary>Creates the exception for a dropped connection.</summary>
    public DicomAssociationAbortedException(string message, Exception? innerException = null)
        : base(message, innerException ?? new IOException(message))
    {
    }

    /// <summary>The A-ABORT PDU received, if any.</summary>
    public AAbort? Abort { get; }
}
