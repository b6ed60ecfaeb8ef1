namespace Isl.Dicom.Network.Pdus;

/// <summary>A presentation context as proposed in A-ASSOCIATE-RQ: one abstract syntax, several transfer syntaxes.</summary>
/// <param name="Id">The odd context identifier (1..255).</param>
/// <param name="AbstractSyntax">The SOP class UID.</param>
/// <param name="TransferSyntaxes">The proposed transfer syntax UIDs, in the proposer's order.</param>
public sealed record PresentationContextProposal(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);
