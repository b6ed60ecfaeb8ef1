using System.IO.Compression;
using Isl.Dicom.IO;

namespace Isl.Dicom;

/// <summary>Encodes datasets (without or with file meta information).</summary>
public static class DicomDatasetWriter
{
    /// <summary>Writes a bare dataset (no preamble, no meta) in a transfer syntax; deflated syntaxes are raw-deflated.</summary>
    public static void Write(Stream stream, DicomDataset dataset, DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        if (syntax.IsDeflated)
        {
            using var deflate = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            WriteUncompressed(deflate, dataset, syntax);
            return;
        }

        WriteUncompressed(stream, dataset, syntax);
    }

    /// <summary>Encodes a bare dataset into a byte array.</summary>
    public static byte[] Encode(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        using var memory = new MemoryStream();
        Write(memory, dataset, syntax);
        return memory.ToArray();
    }

    /// <summary>
    /// Writes the 128-byte preamble, "DICM" and group 0002 of <paramref name="meta"/> in Explicit VR Little Endian with a
    /// correct (0002,0000) group length. The dataset bytes in the meta's transfer syntax may follow as they are.
    /// </summary>
    public static void WriteFileMetaInformation(Stream stream, DicomDataset meta)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(meta);
        var group = new DicomDataset();
        group.SetBytes(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, new byte[4]);
        foreach (var element in meta)
        {
            if (element.Tag.Group == 0x0002 && element.Tag.Element != 0)
            {
                group.Add(element);
            }
        }

        Span<byte> preamble = stackalloc byte[132];
        preamble.Clear();
        "DICM"u8.CopyTo(preamble[128..]);
        stream.Write(preamble);
        using var output = new DicomOutput(stream, bigEndian: false);
        new DicomEncoder(output, explicitVR: true).WriteDataset(group);
    }

    private static void WriteUncompressed(Stream stream, DicomDataset dataset, DicomTransferSyntax syntax)
    {
        using var output = new DicomOutput(stream, syntax.IsBigEndian);
        new DicomEncoder(output, syntax.IsExplicitVR).WriteDataset(dataset);
    }
}
