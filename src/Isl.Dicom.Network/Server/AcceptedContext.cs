namespace Isl.Dicom.Network.Server;

/// <summary>A presentation context accepted on an association.</summary>
/// <param name="Id">The context identifier.</param>
/// <param name="AbstractSyntax">The SOP class UID.</param>
/// <param name="TransferSyntax">The negotiated transfer syntax UID.</param>
public sealed record AcceptedContext(byte Id, string AbstractSyntax, string TransferSyntax);
