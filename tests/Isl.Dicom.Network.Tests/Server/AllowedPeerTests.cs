using System.Net;
using Isl.Dicom.Network.Server;

namespace Isl.Dicom.Network.Tests.Server;

public sealed class AllowedPeerTests
{
    [Fact]
    public void Parses_ae_at_address_and_wildcards()
    {
        Assert.Equal(new AllowedPeer("CT1", IPAddress.Parse("10.0.0.5")), AllowedPeer.Parse("CT1@10.0.0.5"));
        Assert.Null(AllowedPeer.Parse("CT1@*").Address);
        Assert.Null(AllowedPeer.Parse("CT1").Address);
    }

    [Theory]
    [InlineData("@10.0.0.5")]
    [InlineData("CT1@not-an-ip")]
    [InlineData("AN_AE_TITLE_THAT_IS_TOO_LONG@10.0.0.5")]
    public void Rejects_malformed_entries_with_a_clear_message(string text)
    {
        var error = Assert.Throws<FormatException>(() => AllowedPeer.Parse(text));
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Matches_ipv4_mapped_addresses()
    {
        var peer = AllowedPeer.Parse("CT1@127.0.0.1");
        Assert.True(peer.Admits("CT1", IPAddress.Loopback.MapToIPv6()));
        Assert.False(peer.Admits("CT2", IPAddress.Loopback));
    }
}
