using System.Net;
using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network.Server;

/// <summary>Applies the SCP policy (<see cref="DicomServerOptions"/>) to an A-ASSOCIATE-RQ.</summary>
internal static class AssociationNegotiator
{
    public const string VerificationSopClass = "1.2.840.10008.1.1";

    public static NegotiationOutcome Negotiate(AAssociateRq request, DicomServerOptions options, IPAddress? remote)
    {
        if ((request.ProtocolVersion & 1) == 0)
        {
            return NegotiationOutcome.Rejected(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, 2, $"protocol version 0x{request.ProtocolVersion:X4} not supported");
        }

        if (request.ApplicationContextName != AAssociateRq.DicomApplicationContext)
        {
            return NegotiationOutcome.Rejected(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, (byte)AssociateRejectReason.ApplicationContextNotSupported, $"application context {request.ApplicationContextName} not supported");
        }

        if (options.CheckCalledAeTitle && !string.Equals(request.CalledAeTitle, options.AeTitle.Trim(), StringComparison.Ordinal))
        {
            return NegotiationOutcome.Rejected(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, (byte)AssociateRejectReason.CalledAeNotRecognized, $"called AE '{request.CalledAeTitle}' is not '{options.AeTitle}'");
        }

        if (options.RequireAllowList && !options.AllowedPeers.Any(p => p.Admits(request.CallingAeTitle, remote)))
        {
            return NegotiationOutcome.Rejected(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, (byte)AssociateRejectReason.CallingAeNotRecognized, $"calling AE '{request.CallingAeTitle}' from {remote} is not on the allow-list");
        }

        var results = new List<PresentationContextResult>(request.PresentationContexts.Count);
        var accepted = new Dictionary<byte, AcceptedContext>();
        foreach (var proposal in request.PresentationContexts)
        {
            var result = Answer(proposal, options, accepted.ContainsKey(proposal.Id));
            results.Add(result);
            if (result.IsAccepted)
            {
                accepted[proposal.Id] = new AcceptedContext(proposal.Id, proposal.AbstractSyntax, result.TransferSyntax);
            }
        }

        var accept = new AAssociateAc
        {
            CalledAeTitle = request.CalledAeTitle,
            CallingAeTitle = request.CallingAeTitle,
            PresentationContexts = results,
            UserInformation = new UserInformation
            {
                MaxPduLength = (uint)options.MaxPduLength,
                ImplementationClassUid = NetworkImplementation.ClassUid,
                ImplementationVersionName = NetworkImplementation.VersionName,
            },
        };
        return new NegotiationOutcome(accept, accepted, null, null);
    }

    private static PresentationContextResult Answer(PresentationContextProposal proposal, DicomServerOptions options, bool duplicateId)
    {
        const string placeholderSyntax = "1.2.840.10008.1.2";
        if (proposal.Id % 2 == 0 || duplicateId)
        {
            return new PresentationContextResult(proposal.Id, PresentationContextResultCode.NoReason, placeholderSyntax);
        }

        var supported = proposal.AbstractSyntax == VerificationSopClass
            || options.AcceptAnySopClass
            || options.AcceptedSopClasses.Contains(proposal.AbstractSyntax);
        if (!supported)
        {
            return new PresentationContextResult(proposal.Id, PresentationContextResultCode.AbstractSyntaxNotSupported, placeholderSyntax);
        }

        foreach (var preferred in options.TransferSyntaxPreference)
        {
            if (proposal.TransferSyntaxes.Contains(preferred, StringComparer.Ordinal))
            {
                return new PresentationContextResult(proposal.Id, PresentationContextResultCode.Acceptance, preferred);
            }
        }

        return new PresentationContextResult(proposal.Id, PresentationContextResultCode.TransferSyntaxesNotSupported, placeholderSyntax);
    }
}
