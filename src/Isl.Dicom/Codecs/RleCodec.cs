using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Isl.Dicom.Codecs;

/// <summary>
/// DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits segment per
/// byte plane of each sample (most significant byte first). Works on one frame at a time.
/// </summary>
public static class RleCodec
{
    private const string Name = "RLE Lossless";
    private const int HeaderLength = 64;
    private const int MaxSegments = 15;

    /// <summary>Decodes one RLE fragment into <paramref name="destination"/> as a native little-endian frame.</summary>
    /// <param name="fragment">The frame's encapsulated bytes (header and segments).</param>
    /// <param name="destination">At least <see cref="PixelFrameLayout.FrameLength"/> bytes.</param>
    /// <param name="layout">The frame geometry; <see cref="PixelFrameLayout.IsPlanar"/> picks the output sample order.</param>
    /// <exception cref="DicomParseException">The fragment is malformed or decodes to too few bytes.</exception>
    public static void Decode(ReadOnlySpan<byte> fragment, Span<byte> destination, PixelFrameLayout layout)
    {
        CheckLayout(layout);
        var bytesPerSample = layout.BytesPerSample;
        var segmentCount = bytesPerSample * layout.SamplesPerPixel;
        if (destination.Length < layout.FrameLength)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the frame needs {layout.FrameLength}.", nameof(destination));
        }

        if (fragment.Length < HeaderLength)
        {
            throw CodecErrors.Malformed(Name, $"the fragment is {fragment.Length} bytes, shorter than the 64-byte header");
        }

        var declared = BinaryPrimitives.ReadUInt32LittleEndian(fragment);
        if (declared != segmentCount)
        {
            throw CodecErrors.Malformed(Name, $"the header declares {declared} segments; {layout.SamplesPerPixel} sample(s) of {layout.BitsAllocated} bits need {segmentCount}");
        }

        var pixels = layout.PixelCount;
        for (var segment = 0; segment < segmentCount; segment++)
        {
            var start = BinaryPrimitives.ReadUInt32LittleEndian(fragment[(4 + (4 * segment))..]);
            var end = segment + 1 < segmentCount ? BinaryPrimitives.ReadUInt32LittleEndian(fragment[(8 + (4 * segment))..]) : (uint)fragment.Length;
            if (start < HeaderLength || start > end || end > fragment.Length)
            {
                throw CodecErrors.Malformed(Name, $"segment {segment + 1} spans bytes {start}..{end} of a {fragment.Length}-byte fragment");
            }

            var sample = segment / bytesPerSample;
            var byteInSample = bytesPerSample - 1 - (segment % bytesPerSample);
            int offset, stride;
            if (layout.IsPlanar)
            {
                offset = (sample * pixels * bytesPerSample) + byteInSample;
                stride = bytesPerSample;
            }
            else
            {
                offset = (sample * bytesPerSample) + byteInSample;
                stride = bytesPerSample * layout.SamplesPerPixel;
            }

            var produced = stride == 1
                ? UnpackContiguous(fragment[(int)start..(int)end], destination.Slice(offset, pixels))
                : UnpackStrided(fragment[(int)start..(int)end], destination[offset..], stride, pixels);
            if (produced < pixels)
            {
                throw CodecErrors.Malformed(Name, $"segment {segment + 1} decodes to {produced} bytes; the frame needs {pixels}");
            }
        }
    }

    /// <summary>Encodes one native little-endian frame as an RLE fragment (even length, rows encoded separately).</summary>
    /// <param name="frame">The native frame, <see cref="PixelFrameLayout.FrameLength"/> bytes.</param>
    /// <param name="layout">The frame geometry; <see cref="PixelFrameLayout.IsPlanar"/> says how the input is ordered.</param>
    /// <returns>The fragment.</returns>
    public static byte[] Encode(ReadOnlySpan<byte> frame, PixelFrameLayout layout)
    {
        CheckLayout(layout);
        if (frame.Length < layout.FrameLength)
        {
            throw new ArgumentException($"The frame holds {frame.Length} bytes; the layout needs {layout.FrameLength}.", nameof(frame));
        }

        var bytesPerSample = layout.BytesPerSample;
        var segmentCount = bytesPerSample * layout.SamplesPerPixel;
        var columns = layout.Columns;
        var worstRow = columns + ((columns + 127) / 128) + 2;
        var capacity = HeaderLength + (segmentCount * ((worstRow * layout.Rows) + 1));
        var output = ArrayPool<byte>.Shared.Rent(capacity);
        var row = ArrayPool<byte>.Shared.Rent(columns);
        try
        {
            output.AsSpan(0, HeaderLength).Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(output, (uint)segmentCount);
            var length = HeaderLength;
            var pixels = layout.PixelCount;
            for (var segment = 0; segment < segmentCount; segment++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4 + (4 * segment)), (uint)length);
                var sample = segment / bytesPerSample;
                var byteInSample = bytesPerSample - 1 - (segment % bytesPerSample);
                var stride = layout.IsPlanar ? bytesPerSample : bytesPerSample * layout.SamplesPerPixel;
                var planeStart = layout.IsPlanar ? (sample * pixels * bytesPerSample) + byteInSample : (sample * bytesPerSample) + byteInSample;
                for (var y = 0; y < layout.Rows; y++)
                {
                    var source = frame[(planeStart + (y * columns * stride))..];
                    var rowSpan = row.AsSpan(0, columns);
                    if (stride == 1)
                    {
                        source[..columns].CopyTo(rowSpan);
                    }
                    else
                    {
                        for (var x = 0; x < columns; x++)
                        {
                            rowSpan[x] = source[x * stride];
                        }
                    }

                    length += PackBits(rowSpan, output.AsSpan(length));
                }

                if ((length & 1) != 0)
                {
                    output[length++] = 0;
                }
            }

            return output.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(row);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    private static void CheckLayout(PixelFrameLayout layout)
    {
        if (layout.Rows <= 0 || layout.Columns <= 0 || layout.SamplesPerPixel <= 0 || layout.BitsAllocated % 8 != 0 || layout.BitsAllocated <= 0
            || layout.BytesPerSample * layout.SamplesPerPixel > MaxSegments)
        {
            throw CodecErrors.Malformed(Name, $"cannot code {layout.Rows}x{layout.Columns} frames of {layout.SamplesPerPixel} sample(s) with {layout.BitsAllocated} bits allocated");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int UnpackContiguous(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int read = 0, written = 0;
        while (read < source.Length && written < destination.Length)
        {
            var header = (sbyte)source[read++];
            if (header >= 0)
            {
                var count = Math.Min(Math.Min(header + 1, source.Length - read), destination.Length - written);
                source.Slice(read, count).CopyTo(destination[written..]);
                read += header + 1;
                written += count;
            }
            else if (header != -128)
            {
                if (read >= source.Length)
                {
                    break;
                }

                var count = Math.Min(1 - header, destination.Length - written);
                destination.Slice(written, count).Fill(source[read++]);
                written += count;
            }
        }

        return written;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int UnpackStrided(ReadOnlySpan<byte> source, Span<byte> destination, int stride, int count)
    {
        int read = 0, written = 0, position = 0;
        while (read < source.Length && written < count)
        {
            var header = (sbyte)source[read++];
            if (header >= 0)
            {
                var run = Math.Min(Math.Min(header + 1, source.Length - read), count - written);
                for (var i = 0; i < run; i++, position += stride)
                {
                    destination[position] = source[read + i];
                }

                read += header + 1;
                written += run;
            }
            else if (header != -128)
            {
                if (read >= source.Length)
                {
                    break;
                }

                var value = source[read++];
                var run = Math.Min(1 - header, count - written);
                for (var i = 0; i < run; i++, position += stride)
                {
                    destination[position] = value;
                }

                written += run;
            }
        }

        return written;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PackBits(ReadOnlySpan<byte> row, Span<byte> output)
    {
        int i = 0, o = 0;
        while (i < row.Length)
        {
            var run = 1;
            while (i + run < row.Length && run < 128 && row[i + run] == row[i])
            {
                run++;
            }

            if (run >= 3)
            {
                output[o++] = (byte)(1 - run);
                output[o++] = row[i];
                i += run;
                continue;
            }

            var literalStart = i;
            var literal = 0;
            while (i < row.Length && literal < 128 && !(i + 2 < row.Length && row[i + 1] == row[i] && row[i + 2] == row[i]))
            {
                i++;
                literal++;
            }

            output[o++] = (byte)(literal - 1);
            row.Slice(literalStart, literal).CopyTo(output[o..]);
            o += literal;
        }

        return o;
    }
}
