namespace Isl.Dicom.Network.Pdus;

/// <summary>The PDU types of the DICOM upper layer (PS3.8 section 9.3).</summary>
public enum PduType : byte
{
    /// <summary>A-ASSOCIATE-RQ.</summary>
    AssociateRequest = 0x01,

    /// <summary>A-ASSOCIATE-AC.</summary>
    AssociateAccept = 0x02,

    /// <summary>A-ASSOCIATE-RJ.</summary>
    AssociateReject = 0x03,

    /// <summary>P-DATA-TF.</summary>
    DataTransfer = 0x04,

    /// <summary>A-RELEASE-RQ.</summary>
    ReleaseRequest = 0x05,

    /// <summary>A-RELEASE-RP.</summary>
    ReleaseResponse = 0x06,

    /// <summary>A-ABORT.</summary>
    Abort = 0x07,
}
