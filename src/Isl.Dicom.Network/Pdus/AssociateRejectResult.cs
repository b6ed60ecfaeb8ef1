namespace Isl.Dicom.Network.Pdus;

/// <summary>The Result field of A-ASSOCIATE-RJ.</summary>
public enum AssociateRejectResult : byte
{
    /// <summary>Rejected, do not retry unchanged.</summary>
    RejectedPermanent = 1,

    /// <summary>Rejected for now (e.g. too many associations); a retry may succeed.</summary>
    RejectedTransient = 2,
}
