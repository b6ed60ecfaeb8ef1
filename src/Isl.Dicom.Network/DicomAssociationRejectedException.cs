using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network;

/// <summary>The called peer answered A-ASSOCIATE-RJ.</summary>
public sealed class DicomAssociationRejectedException : DicomNetworkException
{
    /// <summary>Creates the exception from the reject PDU.</summary>
    public DicomAssociationRejectedException(AAssociateRj reject)
        : base($"Association rejected: {reject}")
    {
        Reject = reject;
    }

    /// <summary>The reject PDU (result, source, reason).</summary>
    public AAssociateRj Reject { get; }

    /// <summary>True when the peer said the refusal is temporary (worth a retry).</summary>
    public bool IsTransient => Reject.Result == AssociateRejectResult.RejectedTransient;
}
