namespace Isl.Dicom.Imaging;

/// <summary>Finds the fragments that hold one frame of encapsulated pixel data (PS3.5 A.4).</summary>
internal static class EncapsulatedFrames
{
    public static ReadOnlyMemory<byte> Get(DicomFragmentSequence sequence, int index, int frameCount, PixelCompression compression)
    {
        var fragments = sequence.Fragments;
        if (fragments.Count == frameCount)
        {
            return fragments[index];
        }

        if (frameCount == 1)
        {
            return Concatenate(fragments, 0, fragments.Count);
        }

        if (sequence.OffsetTable.Count == frameCount)
        {
            var (first, count) = ByOffsetTable(sequence, index);
            return Concatenate(fragments, first, count);
        }

        if (compression == PixelCompression.JpegLossless)
        {
            var (first, count) = ByStartOfImage(fragments, index);
            return Concatenate(fragments, first, count);
        }

        throw new DicomParseException($"Pixel Data holds {fragments.Count} fragments for {frameCount} frames without a usable offset table: frame {index + 1} cannot be located.");
    }

    private static (int First, int Count) ByOffsetTable(DicomFragmentSequence sequence, int index)
    {
        long start = sequence.OffsetTable[index];
        long end = index + 1 < sequence.OffsetTable.Count ? sequence.OffsetTable[index + 1] : long.MaxValue;
        long position = 0;
        int first = -1, count = 0;
        for (var i = 0; i < sequence.Fragments.Count; i++)
        {
            if (position >= start && position < end)
            {
                first = first < 0 ? i : first;
                count++;
            }

            position += 8 + sequence.Fragments[i].Length;
        }

        return first >= 0 ? (first, count) : throw new DicomParseException($"The offset table entry {start} of frame {index + 1} points at no fragment.");
    }

    private static (int First, int Count) ByStartOfImage(IReadOnlyList<ReadOnlyMemory<byte>> fragments, int index)
    {
        var frame = -1;
        int first = -1, count = 0;
        for (var i = 0; i < fragments.Count; i++)
        {
            var span = fragments[i].Span;
            if (span.Length >= 2 && span[0] == 0xFF && span[1] == 0xD8)
            {
                frame++;
            }

            if (frame == index)
            {
                first = first < 0 ? i : first;
                count++;
            }
        }

        return first >= 0 ? (first, count) : throw new DicomParseException($"Pixel Data holds no JPEG stream for frame {index + 1}.");
    }

    private static ReadOnlyMemory<byte> Concatenate(IReadOnlyList<ReadOnlyMemory<byte>> fragments, int first, int count)
    {
        if (count == 1)
        {
            return fragments[first];
        }

        var length = 0;
        for (var i = first; i < first + count; i++)
        {
            length = checked(length + fragments[i].Length);
        }

        var joined = new byte[length];
        var position = 0;
        for (var i = first; i < first + count; i++)
        {
            fragments[i].Span.CopyTo(joined.AsSpan(position));
            position += fragments[i].Length;
        }

        return joined;
    }
}
