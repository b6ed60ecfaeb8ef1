namespace Isl.Dicom.Network.Pdus;

/// <summary>The Reason/Diag. field of A-ASSOCIATE-RJ; its meaning depends on the source (PS3.8 table 9-21).</summary>
public enum AssociateRejectReason : byte
{
    /// <summary>No reason given (user or ACSE source).</summary>
    NoReasonGiven = 1,

    /// <summary>Application context name not supported (user source); also "temporary congestion" for the presentation source, and "protocol version not supported" for the ACSE source.</summary>
    ApplicationContextNotSupported = 2,

    /// <summary>Calling AE title not recognized (user source).</summary>
    CallingAeNotRecognized = 3,

    /// <summary>Called AE title not recognized (user source).</summary>
    CalledAeNotRecognized = 7,
}
