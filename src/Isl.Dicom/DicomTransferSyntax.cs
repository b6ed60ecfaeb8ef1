namespace Isl.Dicom;

/// <summary>A transfer syntax: how a dataset is encoded (VR explicitness, byte order, deflate, pixel compression).</summary>
public sealed class DicomTransferSyntax : IEquatable<DicomTransferSyntax>
{
    private static readonly Dictionary<string, DicomTransferSyntax> Known = new(StringComparer.Ordinal);

    private DicomTransferSyntax(string uid, string name, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated, bool lossy, bool known)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        IsLossy = lossy;
        IsKnown = known;
    }

    /// <summary>Implicit VR Little Endian (1.2.840.10008.1.2), the DICOM default.</summary>
    public static DicomTransferSyntax ImplicitVRLittleEndian { get; } = Register("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false, false);

    /// <summary>Explicit VR Little Endian (1.2.840.10008.1.2.1).</summary>
    public static DicomTransferSyntax ExplicitVRLittleEndian { get; } = Register("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false, false);

    /// <summary>Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99).</summary>
    public static DicomTransferSyntax DeflatedExplicitVRLittleEndian { get; } = Register("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false, false);

    /// <summary>Explicit VR Big Endian (1.2.840.10008.1.2.2, retired).</summary>
    public static DicomTransferSyntax ExplicitVRBigEndian { get; } = Register("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false, false);

    /// <summary>JPEG Baseline (Process 1), lossy 8-bit.</summary>
    public static DicomTransferSyntax JPEGBaseline { get; } = Register("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, false, true, true);

    /// <summary>JPEG Extended (Process 2 and 4), lossy.</summary>
    public static DicomTransferSyntax JPEGExtended { get; } = Register("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, false, false, true, true);

    /// <summary>JPEG Lossless, Non-Hierarchical (Process 14).</summary>
    public static DicomTransferSyntax JPEGLosslessProcess14 { get; } = Register("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, false, false, true, false);

    /// <summary>JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]).</summary>
    public static DicomTransferSyntax JPEGLosslessSV1 { get; } = Register("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", true, false, false, true, false);

    /// <summary>JPEG-LS Lossless.</summary>
    public static DicomTransferSyntax JPEGLSLossless { get; } = Register("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", true, false, false, true, false);

    /// <summary>JPEG-LS Lossy (Near-Lossless).</summary>
    public static DicomTransferSyntax JPEGLSNearLossless { get; } = Register("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", true, false, false, true, true);

    /// <summary>JPEG 2000 (Lossless Only).</summary>
    public static DicomTransferSyntax JPEG2000Lossless { get; } = Register("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", true, false, false, true, false);

    /// <summary>JPEG 2000 (lossy or lossless).</summary>
    public static DicomTransferSyntax JPEG2000 { get; } = Register("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true, false, false, true, true);

    /// <summary>RLE Lossless.</summary>
    public static DicomTransferSyntax RLELossless { get; } = Register("1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, true, false);

    /// <summary>MPEG2 Main Profile @ Main Level.</summary>
    public static DicomTransferSyntax MPEG2 { get; } = Register("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", true, false, false, true, true);

    /// <summary>MPEG-4 AVC/H.264 High Profile / Level 4.1.</summary>
    public static DicomTransferSyntax MPEG4 { get; } = Register("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", true, false, false, true, true);

    /// <summary>High-Throughput JPEG 2000 (Lossless Only).</summary>
    public static DicomTransferSyntax HTJ2KLossless { get; } = Register("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", true, false, false, true, false);

    /// <summary>High-Throughput JPEG 2000.</summary>
    public static DicomTransferSyntax HTJ2K { get; } = Register("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", true, false, false, true, true);

    /// <summary>The transfer syntax UID.</summary>
    public string Uid { get; }

    /// <summary>The human-readable name.</summary>
    public string Name { get; }

    /// <summary>True when VRs are written in the data stream.</summary>
    public bool IsExplicitVR { get; }

    /// <summary>True for big-endian byte order.</summary>
    public bool IsBigEndian { get; }

    /// <summary>True when the dataset after the file meta information is deflate-compressed.</summary>
    public bool IsDeflated { get; }

    /// <summary>True when pixel data is encapsulated (compressed in fragments).</summary>
    public bool IsEncapsulated { get; }

    /// <summary>True when the pixel compression loses information.</summary>
    public bool IsLossy { get; }

    /// <summary>False for UIDs this library does not know (treated as encapsulated Explicit VR LE).</summary>
    public bool IsKnown { get; }

    /// <summary>All transfer syntaxes this library knows.</summary>
    public static IReadOnlyCollection<DicomTransferSyntax> All => Known.Values;

    /// <summary>The transfer syntax of a UID; unknown UIDs yield an instance flagged unknown and encapsulated (never null).</summary>
    public static DicomTransferSyntax Lookup(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var trimmed = uid.TrimEnd('\0', ' ');
        return Known.TryGetValue(trimmed, out var syntax)
            ? syntax
            : new DicomTransferSyntax(trimmed, $"Unknown transfer syntax {trimmed}", true, false, false, true, false, false);
    }

    /// <inheritdoc/>
    public bool Equals(DicomTransferSyntax? other) => other is not null && string.Equals(Uid, other.Uid, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DicomTransferSyntax);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    /// <summary>"Name (UID)".</summary>
    public override string ToString() => $"{Name} ({Uid})";

    /// <summary>Equality by UID.</summary>
    public static bool operator ==(DicomTransferSyntax? left, DicomTransferSyntax? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by UID.</summary>
    public static bool operator !=(DicomTransferSyntax? left, DicomTransferSyntax? right) => !(left == right);

    private static DicomTransferSyntax Register(string uid, string name, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated, bool lossy)
    {
        var syntax = new DicomTransferSyntax(uid, name, explicitVR, bigEndian, deflated, encapsulated, lossy, true);
        Known[uid] = syntax;
        return syntax;
    }
}
