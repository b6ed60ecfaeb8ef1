using System.IO.Compression;

namespace Isl.Dicom.IO;

/// <summary>Parses a Part 10 file (or a bare dataset) from a buffer that may hold only the beginning of the input.</summary>
internal static class DicomFileParser
{
    private const int PreambleLength = 128;

    /// <summary>Parses meta information and dataset; throws <see cref="NeedMoreDataException"/> when an incomplete buffer ends too early.</summary>
    public static DicomFile Parse(byte[] buffer, int length, bool complete, DicomReadOptions options)
    {
        var position = 0;
        if (length >= PreambleLength + 4 && buffer.AsSpan(PreambleLength, 4).SequenceEqual("DICM"u8))
        {
            position = PreambleLength + 4;
        }
        else if (!complete && length < PreambleLength + 4)
        {
            throw new NeedMoreDataException();
        }
        else if (options.RequirePreamble)
        {
            throw new DicomParseException("The input has no DICOM preamble (128 bytes and \"DICM\")", PreambleLength, null);
        }
        else if (length >= 4 && buffer.AsSpan(0, 4).SequenceEqual("DICM"u8))
        {
            position = 4;
        }

        var meta = new DicomDataset();
        if (length - position >= 8 && buffer[position] == 0x02 && buffer[position + 1] == 0x00)
        {
            var metaExplicit = DicomVRInfo.TryParse(buffer[position + 4], buffer[position + 5], out _);
            var metaParser = new DicomParser(buffer, length, complete, 0, options);
            meta = metaParser.ParseTopLevel(ref position, metaExplicit, false, metaGroupOnly: true);
        }
        else if (!complete && length - position < 8)
        {
            throw new NeedMoreDataException();
        }

        var dataStart = buffer.AsSpan(position, length - position);
        var syntax = meta.TryGetString(DicomTags.TransferSyntaxUID, out var uid) && uid.Length > 0
            ? DicomSyntaxDetector.Reconcile(DicomTransferSyntax.Lookup(uid), dataStart)
            : DicomSyntaxDetector.Detect(dataStart);
        var declared = meta.TryGetString(DicomTags.TransferSyntaxUID, out var declaredUid) && declaredUid.Length > 0
            ? DicomTransferSyntax.Lookup(declaredUid)
            : syntax;

        DicomDataset dataset;
        if (syntax.IsDeflated)
        {
            if (!complete)
            {
                throw new NeedMoreDataException();
            }

            var inflated = Inflate(buffer, position, length);
            var inflatedPosition = 0;
            dataset = new DicomParser(inflated, inflated.Length, true, 0, options)
                .ParseTopLevel(ref inflatedPosition, true, false, metaGroupOnly: false);
        }
        else
        {
            dataset = new DicomParser(buffer, length, complete, 0, options)
                .ParseTopLevel(ref position, syntax.IsExplicitVR, syntax.IsBigEndian, metaGroupOnly: false);
        }

        if (!syntax.IsExplicitVR)
        {
            ImplicitVRResolver.Resolve(dataset);
        }

        dataset.PropagateEncoding();
        return new DicomFile(meta, dataset, declared);
    }

    /// <summary>Inflates raw deflate data (no zlib header), refusing output beyond 1 GiB or 200 times the input.</summary>
    public static byte[] Inflate(byte[] buffer, int offset, int end)
    {
        using var input = new MemoryStream(buffer, offset, end - offset, writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var limit = Math.Min(1L << 30, Math.Max(1L << 20, (end - offset) * 200L));
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = deflate.Read(chunk, 0, chunk.Length)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > limit)
                {
                    throw new DicomParseException($"The deflated dataset inflates beyond {limit} bytes", offset, null);
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new DicomParseException($"The deflated dataset is corrupt: {e.Message} (at byte offset {offset})", e);
        }

        return output.ToArray();
    }
}
