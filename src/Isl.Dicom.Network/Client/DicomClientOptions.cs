using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Isl.Dicom.Network.Client;

/// <summary>Where and how the SCU connects.</summary>
public sealed class DicomClientOptions
{
    /// <summary>The peer's host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>The peer's port.</summary>
    public required int Port { get; init; }

    /// <summary>The peer's AE title.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>Our AE title.</summary>
    public string CallingAeTitle { get; init; } = "ISL-SCU";

    /// <summary>The maximum P-DATA-TF length we announce for what we receive.</summary>
    public int MaxPduLength { get; init; } = 256 * 1024;

    /// <summary>Connection timeout.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the peer may take to answer A-ASSOCIATE-RQ and A-RELEASE-RQ.</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the peer may take to answer a DIMSE request (or to take our data).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Use DICOM TLS.</summary>
    public bool UseTls { get; init; }

    /// <summary>Client certificates for TLS, when the peer wants one.</summary>
    public X509CertificateCollection? ClientCertificates { get; init; }

    /// <summary>Server certificate validation for TLS (the platform's validation when null).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    /// <summary>Retries for transient failures.</summary>
    public DicomRetryPolicy RetryPolicy { get; init; } = new();
}
