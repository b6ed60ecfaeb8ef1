using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network.Server;

/// <summary>The SCP's answer to an A-ASSOCIATE-RQ: an accept with its contexts, or a reject with a reason to log.</summary>
internal sealed record NegotiationOutcome(AAssociateAc? Accept, IReadOnlyDictionary<byte, AcceptedContext> Contexts, AAssociateRj? Reject, string? RejectReason)
{
    public static NegotiationOutcome Rejected(AssociateRejectResult result, AssociateRejectSource source, byte reason, string why) =>
        new(null, new Dictionary<byte, AcceptedContext>(), new AAssociateRj(result, source, reason), why);
}
