namespace Isl.Dicom.Network.Pdus;

/// <summary>The Reason/Diag. field of a provider A-ABORT (PS3.8 table 9-26).</summary>
public enum AbortReason : byte
{
    /// <summary>Reason not specified.</summary>
    NotSpecified = 0,

    /// <summary>Unrecognized PDU.</summary>
    UnrecognizedPdu = 1,

    /// <summary>Unexpected PDU.</summary>
    UnexpectedPdu = 2,

    /// <summary>Unrecognized PDU parameter.</summary>
    UnrecognizedPduParameter = 4,

    /// <summary>Unexpected PDU parameter.</summary>
    UnexpectedPduParameter = 5,

    /// <summary>Invalid PDU parameter value.</summary>
    InvalidPduParameterValue = 6,
}
