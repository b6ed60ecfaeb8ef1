using System.Buffers.Binary;

namespace Isl.Dicom.Network.Client;

/// <summary>Finds where the data set starts in a Part 10 file (preamble, DICM, group 0002 with its group length).</summary>
internal static class Part10Layout
{
    /// <summary>The data set's byte offset, or -1 when the file's layout is not the plain one (then the SCU re-encodes).</summary>
    public static long DatasetOffset(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        Span<byte> head = stackalloc byte[144];
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
        {
            return -1;
        }

        var hasGroupLength = head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M'
            && BinaryPrimitives.ReadUInt16LittleEndian(head[132..]) == 0x0002
            && BinaryPrimitives.ReadUInt16LittleEndian(head[134..]) == 0x0000
            && head[136] == 'U' && head[137] == 'L'
            && BinaryPrimitives.ReadUInt16LittleEndian(head[138..]) == 4;
        if (!hasGroupLength)
        {
            return -1;
        }

        var offset = 144L + BinaryPrimitives.ReadUInt32LittleEndian(head[140..]);
        if (offset > stream.Length)
        {
            return -1;
        }

        // The group length must land exactly on the first element after group 0002.
        stream.Position = offset;
        Span<byte> next = stackalloc byte[2];
        if (offset < stream.Length && (stream.ReadAtLeast(next, 2, throwOnEndOfStream: false) < 2 || BinaryPrimitives.ReadUInt16LittleEndian(next) == 0x0002))
        {
            return -1;
        }

        return offset;
    }
}
