using Isl.Dicom.Network.Pdus;

namespace Isl.Dicom.Network.Tests.Pdus;

public sealed class MalformedPduTests
{
    [Fact]
    public void Every_truncation_of_an_associate_request_is_a_protocol_error()
    {
        var body = PduRoundTripTests.SampleRequest().Encode().AsMemory(6);
        for (var length = 0; length < body.Length; length++)
        {
            var slice = body[..length];
            var error = Record.Exception(() => Pdu.Decode(PduType.AssociateRequest, slice));

            // A cut exactly between items is still a well-formed (shorter) request; every other cut must be refused cleanly.
            Assert.True(error is null or DicomProtocolException, $"length {length}: {error}");
        }
    }

    [Fact]
    public void Random_bodies_never_escape_as_anything_but_protocol_errors()
    {
        var random = new Random(1234);
        var template = PduRoundTripTests.SampleRequest().Encode().AsSpan(6).ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var type = (PduType)random.Next(1, 8);
            byte[] body;
            if (i % 2 == 0)
            {
                body = new byte[random.Next(0, 300)];
                random.NextBytes(body);
            }
            else
            {
                body = (byte[])template.Clone();
                for (var flips = 0; flips < 4; flips++)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }
            }

            var error = Record.Exception(() => Pdu.Decode(type, body));
            Assert.True(error is null or DicomProtocolException, $"case {i} type {type}: {error}");
        }
    }

    [Fact]
    public void A_pdv_claiming_more_than_the_pdu_holds_is_refused()
    {
        var body = new byte[] { 0x00, 0x00, 0x10, 0x00, 0x01, 0x03, 0xAA };
        var error = Assert.Throws<DicomProtocolException>(() => Pdu.Decode(PduType.DataTransfer, body));
        Assert.Contains("claims", error.Message);
    }

    [Fact]
    public void Unknown_pdu_type_is_unrecognized()
    {
        var error = Assert.Throws<DicomProtocolException>(() => Pdu.Decode((PduType)0x09, new byte[4]));
        Assert.Equal(AbortReason.UnrecognizedPdu, error.Reason);
    }
}
