using System.Net;
using Isl.Dicom.Network.Pdus;
using Isl.Dicom.Network.Server;

namespace Isl.Dicom.Network.Tests.Server;

public sealed class AssociationNegotiatorTests
{
    private static DicomServerOptions Options()
    {
        var options = new DicomServerOptions { AeTitle = "ISL-AGENT" };
        options.AllowedPeers.Add(new AllowedPeer("MODALITY1", IPAddress.Loopback));
        return options;
    }

    private static AAssociateRq Request(string called = "ISL-AGENT", string calling = "MODALITY1", params PresentationContextProposal[] contexts) => new()
    {
        CalledAeTitle = called,
        CallingAeTitle = calling,
        PresentationContexts = contexts.Length > 0 ? contexts : [new PresentationContextProposal(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
        UserInformation = new UserInformation { MaxPduLength = 16384 },
    };

    [Fact]
    public void Wrong_called_ae_is_rejected_permanently_by_the_user()
    {
        var outcome = AssociationNegotiator.Negotiate(Request(called: "OTHER"), Options(), IPAddress.Loopback);
        Assert.NotNull(outcome.Reject);
        Assert.Equal(AssociateRejectResult.RejectedPermanent, outcome.Reject.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, outcome.Reject.Source);
        Assert.Equal((byte)AssociateRejectReason.CalledAeNotRecognized, outcome.Reject.Reason);
    }

    [Theory]
    [InlineData("INTRUDER", "127.0.0.1")]
    [InlineData("MODALITY1", "10.1.2.3")]
    public void Calling_ae_or_address_off_the_allow_list_is_rejected(string calling, string address)
    {
        var outcome = AssociationNegotiator.Negotiate(Request(calling: calling), Options(), IPAddress.Parse(address));
        Assert.Equal((byte)AssociateRejectReason.CallingAeNotRecognized, outcome.Reject?.Reason);
    }

    [Fact]
    public void Allow_list_can_be_switched_off()
    {
        var options = Options();
        options.RequireAllowList = false;
        Assert.NotNull(AssociationNegotiator.Negotiate(Request(calling: "ANYONE"), options, IPAddress.Parse("10.0.0.9")).Accept);
    }

    [Fact]
    public void Contexts_are_answered_by_sop_class_and_transfer_syntax_preference()
    {
        var outcome = AssociationNegotiator.Negotiate(
            Request(contexts:
            [
                new PresentationContextProposal(1, "1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"]),
                new PresentationContextProposal(3, "1.2.840.10008.5.1.4.1.1.4", ["1.2.840.10008.1.2.1"]),
                new PresentationContextProposal(5, "1.2.840.10008.5.1.4.1.1.2", ["1.2.840.10008.1.2.4.91"]),
                new PresentationContextProposal(7, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"]),
            ]),
            Options(),
            IPAddress.Loopback);

        var accept = Assert.IsType<AAssociateAc>(outcome.Accept);
        Assert.Equal(new PresentationContextResult(1, PresentationContextResultCode.Acceptance, "1.2.840.10008.1.2.1"), accept.PresentationContexts[0]);
        Assert.Equal(PresentationContextResultCode.AbstractSyntaxNotSupported, accept.PresentationContexts[1].Result);
        Assert.Equal(PresentationContextResultCode.TransferSyntaxesNotSupported, accept.PresentationContexts[2].Result);
        Assert.True(accept.PresentationContexts[3].IsAccepted);
        Assert.Equal([1, 7], outcome.Contexts.Keys.Order().Select(k => (int)k));
        Assert.Equal((uint)Options().MaxPduLength, accept.UserInformation.MaxPduLength);
        Assert.Equal(NetworkImplementation.ClassUid, accept.UserInformation.ImplementationClassUid);
    }

    [Fact]
    public void Any_sop_class_option_accepts_other_storage_classes()
    {
        var options = Options();
        options.AcceptAnySopClass = true;
        var outcome = AssociationNegotiator.Negotiate(Request(contexts: [new PresentationContextProposal(1, "1.2.840.10008.5.1.4.1.1.4", ["1.2.840.10008.1.2"])]), options, IPAddress.Loopback);
        Assert.True(outcome.Accept!.PresentationContexts[0].IsAccepted);
    }
}
