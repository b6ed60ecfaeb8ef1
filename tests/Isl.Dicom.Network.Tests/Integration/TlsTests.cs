using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Isl.Dicom.Network.Client;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class TlsTests
{
    [Fact]
    public async Task Scu_and_scp_store_over_tls()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var generated = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var certificate = X509CertificateLoader.LoadPkcs12(generated.Export(X509ContentType.Pkcs12), null);

        await using var scp = new ScpHost(o => o.TlsCertificate = certificate);
        var client = new DicomClient(new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = scp.Port,
            CalledAeTitle = "ISL-TEST",
            UseTls = true,
            ServerCertificateValidation = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString(),
        });
        Assert.Equal(0, await client.EchoAsync());
        var files = SharedData.GeHeadCtFiles()[..3];
        Assert.All(await client.StoreAsync(files.Select(StoreItem.FromFile)), r => Assert.True(r.IsStored, r.ToString()));
        Assert.Equal(3, scp.Stored.Count);

        var plain = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = scp.Port, CalledAeTitle = "ISL-TEST", RetryPolicy = DicomRetryPolicy.None, ArtimTimeout = TimeSpan.FromSeconds(3) });
        await Assert.ThrowsAnyAsync<Exception>(() => plain.EchoAsync());
    }
}
