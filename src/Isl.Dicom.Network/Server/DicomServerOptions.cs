using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Isl.Dicom.Network.Server;

/// <summary>The C-ECHO/C-STORE SCP's policy and limits (one options section).</summary>
public sealed class DicomServerOptions
{
    /// <summary>The SOP classes accepted by default: CT, Enhanced CT, Secondary Capture (incl. multi-frame) and SR.</summary>
    public static IReadOnlyList<string> DefaultSopClasses { get; } =
    [
        "1.2.840.10008.5.1.4.1.1.2", // CT Image Storage
        "1.2.840.10008.5.1.4.1.1.2.1", // Enhanced CT Image Storage
        "1.2.840.10008.5.1.4.1.1.7", // Secondary Capture Image Storage
        "1.2.840.10008.5.1.4.1.1.7.1", // Multi-frame Single Bit SC
        "1.2.840.10008.5.1.4.1.1.7.2", // Multi-frame Grayscale Byte SC
        "1.2.840.10008.5.1.4.1.1.7.3", // Multi-frame Grayscale Word SC
        "1.2.840.10008.5.1.4.1.1.7.4", // Multi-frame True Color SC
        "1.2.840.10008.5.1.4.1.1.88.11", // Basic Text SR
        "1.2.840.10008.5.1.4.1.1.88.22", // Enhanced SR
        "1.2.840.10008.5.1.4.1.1.88.33", // Comprehensive SR
        "1.2.840.10008.5.1.4.1.1.88.34", // Comprehensive 3D SR
        "1.2.840.10008.5.1.4.1.1.88.35", // Extensible SR
    ];

    /// <summary>Transfer syntaxes in order of preference: uncompressed first, then the lossless ones our decoders read.</summary>
    public static IReadOnlyList<string> DefaultTransferSyntaxes { get; } =
    [
        "1.2.840.10008.1.2.1", // Explicit VR Little Endian
        "1.2.840.10008.1.2", // Implicit VR Little Endian
        "1.2.840.10008.1.2.5", // RLE Lossless
        "1.2.840.10008.1.2.4.70", // JPEG Lossless SV1
        "1.2.840.10008.1.2.4.57", // JPEG Lossless Process 14
        "1.2.840.10008.1.2.2", // Explicit VR Big Endian (retired, uncompressed)
    ];

    /// <summary>Our AE title.</summary>
    public string AeTitle { get; set; } = "ISL-AGENT";

    /// <summary>Reject associations whose called AE title is not <see cref="AeTitle"/>.</summary>
    public bool CheckCalledAeTitle { get; set; } = true;

    /// <summary>The one address to listen on (loopback unless configured).</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The TCP port (0 picks a free one; see <see cref="DicomServer.Port"/>).</summary>
    public int Port { get; set; } = 11112;

    /// <summary>Admit only calling AE + source address pairs in <see cref="AllowedPeers"/> (on by default).</summary>
    public bool RequireAllowList { get; set; } = true;

    /// <summary>The calling AE/address pairs admitted when <see cref="RequireAllowList"/> is on.</summary>
    public IList<AllowedPeer> AllowedPeers { get; } = [];

    /// <summary>Storage SOP classes accepted (Verification is always accepted).</summary>
    public ISet<string> AcceptedSopClasses { get; } = new HashSet<string>(DefaultSopClasses, StringComparer.Ordinal);

    /// <summary>Accept any abstract syntax proposed (a general-purpose receiver, e.g. the CLI's <c>receive</c>).</summary>
    public bool AcceptAnySopClass { get; set; }

    /// <summary>Accepted transfer syntaxes, most preferred first.</summary>
    public IList<string> TransferSyntaxPreference { get; } = [.. DefaultTransferSyntaxes];

    /// <summary>The most simultaneous associations; more are rejected as transient. Only connections that sent an A-ASSOCIATE-RQ count.</summary>
    public int MaxAssociations { get; set; } = 32;

    /// <summary>The most connections waiting for their A-ASSOCIATE-RQ (TLS handshake included); more are closed unread.</summary>
    public int MaxPendingConnections { get; set; } = 256;

    /// <summary>The most connections from one source address waiting for their A-ASSOCIATE-RQ; more from it are closed unread.</summary>
    public int MaxPendingConnectionsPerAddress { get; set; } = 16;

    /// <summary>The request timer: how long a new connection may take to complete TLS and send its A-ASSOCIATE-RQ.</summary>
    public TimeSpan AssociationRequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The maximum P-DATA-TF length we announce and accept.</summary>
    public int MaxPduLength { get; set; } = 256 * 1024;

    /// <summary>The largest A-ASSOCIATE-RQ (or other non-data PDU) accepted.</summary>
    public int MaxAssociationRequestLength { get; set; } = 64 * 1024;

    /// <summary>The largest command set accepted.</summary>
    public int MaxCommandLength { get; set; } = 64 * 1024;

    /// <summary>The largest data set accepted; larger ones are refused with an out-of-resources status.</summary>
    public long MaxDatasetSize { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Refuse instances (status 0xA700) when the spool's disk has less free space than this.</summary>
    public long DiskLowWatermarkBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>ARTIM for the other ends of an association: how long a reject, release or abort may take to be written and hung up.</summary>
    public TimeSpan ArtimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an association may take to deliver its next PDU (bounds idle and slow peers).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The server certificate for DICOM TLS; plain TCP when null.</summary>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>Require and validate a client certificate when TLS is on.</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> with a clear message when invalid.</summary>
    public void Validate()
    {
        if (AeTitle.Length is 0 or > 16)
        {
            throw new ArgumentException($"AeTitle '{AeTitle}' must be 1 to 16 characters.");
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port {Port} is out of range.");
        }

        if (MaxPduLength < 4096 || MaxAssociationRequestLength < 1024 || MaxAssociations < 1 || MaxCommandLength < 256 || MaxDatasetSize < 1)
        {
            throw new ArgumentException("MaxPduLength must be >= 4096, MaxAssociationRequestLength >= 1024, MaxCommandLength >= 256, MaxAssociations and MaxDatasetSize >= 1.");
        }

        if (MaxPendingConnections < 1 || MaxPendingConnectionsPerAddress < 1 || AssociationRequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxPendingConnections and MaxPendingConnectionsPerAddress must be >= 1 and AssociationRequestTimeout positive.");
        }

        if (TransferSyntaxPreference.Count == 0)
        {
            throw new ArgumentException("TransferSyntaxPreference must list at least one transfer syntax.");
        }
    }
}
