using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network;

/// <summary>The peer sent bytes that break the upper-layer protocol (PS3.8); the association is aborted.</summary>
public sealed class DicomProtocolException : DicomNetworkException
{
    /// <summary>Creates the exception with the A-ABORT reason that answers it.</summary>
    public DicomProtocolException(string message, AbortReason reason = AbortReason.InvalidPduParameterValue)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>The provider abort reason sent to the peer.</summary>
    public AbortReason Reason { get; }
}
