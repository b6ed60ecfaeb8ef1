namespace Isl.Dicom.Network.Pdus;

/// <summary>A presentation context as answered in A-ASSOCIATE-AC.</summary>
/// <param name="Id">The context identifier from the proposal.</param>
/// <param name="Result">Accepted, or why not.</param>
/// <param name="TransferSyntax">The chosen transfer syntax UID (meaningful only when accepted).</param>
public sealed record PresentationContextResult(byte Id, PresentationContextResultCode Result, string TransferSyntax)
{
    /// <summary>True when the context was accepted.</summary>
    public bool IsAccepted => Result == PresentationContextResultCode.Acceptance;
}
