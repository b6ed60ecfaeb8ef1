using Isl.Dicom.IO;

namespace Isl.Dicom;

/// <summary>Decodes bare datasets (no preamble, no meta), such as DIMSE command sets and P-DATA payloads.</summary>
public static class DicomDatasetReader
{
    /// <summary>Decodes a dataset; the result references <paramref name="buffer"/> (do not modify it afterwards).</summary>
    /// <exception cref="DicomParseException">The bytes are malformed.</exception>
    public static DicomDataset Read(byte[] buffer, DicomTransferSyntax syntax, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return Read(buffer, buffer.Length, syntax, options);
    }

    /// <summary>
    /// Decodes a dataset held in the first <paramref name="length"/> bytes of <paramref name="buffer"/> (e.g. a pooled
    /// buffer longer than its content); the result references the buffer (do not modify it while the dataset is used).
    /// </summary>
    /// <exception cref="DicomParseException">The bytes are malformed.</exception>
    public static DicomDataset Read(byte[] buffer, int length, DicomTransferSyntax syntax, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length);
        options ??= DicomReadOptions.Default;
        if (syntax.IsDeflated)
        {
            buffer = DicomFileParser.Inflate(buffer, 0, length);
            length = buffer.Length;
        }

        var position = 0;
        var dataset = new DicomParser(buffer, length, true, 0, options)
            .ParseTopLevel(ref position, syntax.IsExplicitVR, syntax.IsBigEndian, metaGroupOnly: false);
        if (!syntax.IsExplicitVR)
        {
            ImplicitVRResolver.Resolve(dataset);
        }

        dataset.PropagateEncoding();
        return dataset;
    }

    /// <summary>Decodes a dataset from a copy of <paramref name="data"/>.</summary>
    /// <exception cref="DicomParseException">The bytes are malformed.</exception>
    public static DicomDataset Read(ReadOnlySpan<byte> data, DicomTransferSyntax syntax, DicomReadOptions? options = null) =>
        Read(data.ToArray(), syntax, options);

    /// <summary>Decodes a dataset from the rest of a stream.</summary>
    /// <exception cref="DicomParseException">The bytes are malformed.</exception>
    public static DicomDataset Read(Stream stream, DicomTransferSyntax syntax, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Read(memory.ToArray(), syntax, options);
    }
}
