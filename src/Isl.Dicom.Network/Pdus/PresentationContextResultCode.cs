namespace Isl.Dicom.Network.Pdus;

/// <summary>The Result/Reason of a presentation context in A-ASSOCIATE-AC.</summary>
public enum PresentationContextResultCode : byte
{
    /// <summary>Accepted.</summary>
    Acceptance = 0,

    /// <summary>Rejected by the user.</summary>
    UserRejection = 1,

    /// <summary>Rejected by the provider, no reason.</summary>
    NoReason = 2,

    /// <summary>Abstract syntax (SOP class) not supported.</summary>
    AbstractSyntaxNotSupported = 3,

    /// <summary>None of the proposed transfer syntaxes is supported.</summary>
    TransferSyntaxesNotSupported = 4,
}
