using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Isl.Dicom.Codecs;

/// <summary>
/// Decodes lossless JPEG (ITU T.81 process 14, SOF3, Huffman coded): predictors 1 to 7, point transform,
/// 2 to 16 bit precision, interleaved or per-component scans, restart intervals. DICOM's
/// 1.2.840.10008.1.2.4.57 and .70 (selection value 1) frames are such streams.
/// </summary>
public static class JpegLosslessDecoder
{
    private const string Name = "JPEG Lossless";
    private const int MaxComponents = 4;

    /// <summary>Reads the frame header (SOF3) without decoding the scan.</summary>
    /// <exception cref="DicomParseException">The stream is not a valid lossless JPEG.</exception>
    public static JpegLosslessFrameInfo ReadFrameInfo(ReadOnlySpan<byte> jpeg)
    {
        var position = ExpectStartOfImage(jpeg);
        while (true)
        {
            var (marker, start, length, next) = NextSegment(jpeg, position);
            var segment = jpeg.Slice(start, length);
            if (marker == 0xC3)
            {
                return ParseFrame(segment, []);
            }

            CheckNotOtherProcess(marker);
            if (marker is 0xD9 or 0xDA)
            {
                throw CodecErrors.Malformed(Name, "no SOF3 frame header before the scan");
            }

            position = next;
        }
    }

    /// <summary>
    /// Decodes the stream into <paramref name="destination"/>: samples interleaved by pixel (colour-by-pixel),
    /// <paramref name="bytesPerSample"/> bytes each, little-endian.
    /// </summary>
    /// <param name="jpeg">The whole JPEG stream of one frame.</param>
    /// <param name="destination">At least rows × columns × components × bytesPerSample bytes.</param>
    /// <param name="bytesPerSample">1 (precision up to 8) or 2.</param>
    /// <returns>The frame header.</returns>
    /// <exception cref="DicomParseException">The stream is malformed, truncated or not process 14.</exception>
    public static JpegLosslessFrameInfo Decode(ReadOnlySpan<byte> jpeg, Span<byte> destination, int bytesPerSample)
    {
        if (bytesPerSample is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(bytesPerSample), bytesPerSample, "Lossless JPEG samples are written as 1 or 2 bytes.");
        }

        var tables = new JpegHuffmanTable?[4];
        var componentIds = new int[MaxComponents];
        JpegLosslessFrameInfo? frame = null;
        var restartInterval = 0;
        var scans = 0;
        var position = ExpectStartOfImage(jpeg);
        while (true)
        {
            var (marker, start, length, next) = NextSegment(jpeg, position);
            var segment = jpeg.Slice(start, length);
            switch (marker)
            {
                case 0xC3:
                    frame = ParseFrame(segment, componentIds);
                    CheckDestination(frame.Value, destination, bytesPerSample);
                    position = next;
                    break;
                case 0xC4:
                    ParseHuffmanTables(segment, tables);
                    position = next;
                    break;
                case 0xDD:
                    restartInterval = segment.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(segment) : throw CodecErrors.Malformed(Name, "a DRI segment is too short");
                    position = next;
                    break;
                case 0xDA:
                    if (frame is null)
                    {
                        throw CodecErrors.Malformed(Name, "a scan (SOS) comes before the SOF3 frame header");
                    }

                    position = DecodeScan(jpeg, next, segment, frame.Value, componentIds, tables, restartInterval, destination, bytesPerSample);
                    scans++;
                    break;
                case 0xD9:
                    return scans > 0 && frame is not null ? frame.Value : throw CodecErrors.Malformed(Name, "the stream ends (EOI) before any scan");
                default:
                    CheckNotOtherProcess(marker);
                    position = next;
                    break;
            }

            if (position >= jpeg.Length)
            {
                // Some encoders omit EOI; a complete scan is all we need.
                return scans > 0 && frame is not null ? frame.Value : throw CodecErrors.Malformed(Name, "the stream ends before any scan");
            }
        }
    }

    private static int ExpectStartOfImage(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw CodecErrors.Malformed(Name, "the frame does not start with a JPEG SOI marker (FFD8)");
        }

        return 2;
    }

    private static void CheckNotOtherProcess(int marker)
    {
        if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
        {
            throw CodecErrors.Malformed(Name, $"the frame header is SOF{marker - 0xC0} (FF{marker:X2}); only lossless process 14 (SOF3, Huffman) is decoded here");
        }
    }

    /// <summary>Finds the next marker at or after <paramref name="position"/> and returns its payload (after the length).</summary>
    private static (int Marker, int Start, int Length, int Next) NextSegment(ReadOnlySpan<byte> jpeg, int position)
    {
        while (position + 1 < jpeg.Length && !(jpeg[position] == 0xFF && jpeg[position + 1] is not 0x00 and not 0xFF))
        {
            position++;
        }

        if (position + 1 >= jpeg.Length)
        {
            return (0xD9, jpeg.Length, 0, jpeg.Length);
        }

        int marker = jpeg[position + 1];
        position += 2;
        if (marker is 0xD8 or 0xD9 or 0x01 or (>= 0xD0 and <= 0xD7))
        {
            return (marker, position, 0, position);
        }

        if (position + 2 > jpeg.Length)
        {
            throw CodecErrors.Malformed(Name, $"marker FF{marker:X2} at byte {position - 2} has no length");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[position..]);
        if (length < 2 || position + length > jpeg.Length)
        {
            throw CodecErrors.Malformed(Name, $"marker FF{marker:X2} at byte {position - 2} declares {length} bytes; {jpeg.Length - position} remain");
        }

        return (marker, position + 2, length - 2, position + length);
    }

    private static JpegLosslessFrameInfo ParseFrame(ReadOnlySpan<byte> segment, Span<int> componentIds)
    {
        if (segment.Length < 6)
        {
            throw CodecErrors.Malformed(Name, "the SOF3 segment is too short");
        }

        int precision = segment[0];
        int rows = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        int columns = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        int components = segment[5];
        if (precision is < 2 or > 16 || rows == 0 || columns == 0 || components is < 1 or > MaxComponents || segment.Length < 6 + (3 * components))
        {
            throw CodecErrors.Malformed(Name, $"unsupported SOF3 header: precision {precision}, {rows}x{columns}, {components} component(s)");
        }

        for (var i = 0; i < components; i++)
        {
            var sampling = segment[7 + (3 * i)];
            if (sampling != 0x11)
            {
                throw CodecErrors.Malformed(Name, $"component {i + 1} is subsampled (H/V {sampling >> 4}/{sampling & 15}); DICOM lossless frames use 1/1");
            }

            if (!componentIds.IsEmpty)
            {
                componentIds[i] = segment[6 + (3 * i)];
            }
        }

        return new JpegLosslessFrameInfo(precision, rows, columns, components);
    }

    private static void CheckDestination(JpegLosslessFrameInfo frame, Span<byte> destination, int bytesPerSample)
    {
        if (frame.Precision > 8 * bytesPerSample)
        {
            throw CodecErrors.Malformed(Name, $"precision {frame.Precision} does not fit {bytesPerSample}-byte samples");
        }

        var needed = (long)frame.Rows * frame.Columns * frame.Components * bytesPerSample;
        if (destination.Length < needed)
        {
            throw CodecErrors.Malformed(Name, $"the stream declares {frame.Rows}x{frame.Columns}x{frame.Components} samples; the frame holds {destination.Length / bytesPerSample}");
        }
    }

    private static void ParseHuffmanTables(ReadOnlySpan<byte> segment, JpegHuffmanTable?[] tables)
    {
        while (segment.Length > 0)
        {
            if (segment.Length < 17)
            {
                throw CodecErrors.Malformed(Name, "a DHT segment is too short");
            }

            int tableClassAndId = segment[0];
            var counts = segment.Slice(1, 16);
            var total = 0;
            foreach (var count in counts)
            {
                total += count;
            }

            if (total > 256 || segment.Length < 17 + total)
            {
                throw CodecErrors.Malformed(Name, "a DHT segment declares more codes than it holds");
            }

            // Lossless scans use only the DC (class 0) tables; AC tables are ignored.
            if (tableClassAndId >> 4 == 0)
            {
                tables[tableClassAndId & 3] = new JpegHuffmanTable(counts, segment.Slice(17, total));
            }

            segment = segment[(17 + total)..];
        }
    }

    private static int DecodeScan(
        ReadOnlySpan<byte> jpeg,
        int dataStart,
        ReadOnlySpan<byte> header,
        JpegLosslessFrameInfo frame,
        ReadOnlySpan<int> componentIds,
        JpegHuffmanTable?[] tables,
        int restartInterval,
        Span<byte> destination,
        int bytesPerSample)
    {
        int count = header.Length > 0 ? header[0] : 0;
        if (count is < 1 or > MaxComponents || header.Length < 4 + (2 * count))
        {
            throw CodecErrors.Malformed(Name, "the SOS segment is malformed");
        }

        var scanComponents = new int[count];
        var scanTables = new JpegHuffmanTable[count];
        for (var i = 0; i < count; i++)
        {
            var id = header[1 + (2 * i)];
            var index = componentIds[..frame.Components].IndexOf(id);
            var table = tables[header[2 + (2 * i)] >> 4 & 3];
            if (index < 0 || table is null)
            {
                throw CodecErrors.Malformed(Name, $"scan component {id} has no frame component or no Huffman table");
            }

            scanComponents[i] = index;
            scanTables[i] = table;
        }

        int predictor = header[1 + (2 * count)];
        int pointTransform = header[3 + (2 * count)] & 0x0F;
        if (predictor is < 1 or > 7 || pointTransform >= frame.Precision)
        {
            throw CodecErrors.Malformed(Name, $"selection value {predictor} / point transform {pointTransform} is not valid for lossless coding");
        }

        var scan = new ScanState(frame, scanComponents, scanTables, predictor, pointTransform, restartInterval, bytesPerSample);
        var reader = new JpegBitReader(jpeg, dataStart);
        scan.Decode(ref reader, destination);
        if (reader.OverrunBits > 8)
        {
            throw CodecErrors.Malformed(Name, "the entropy-coded data ends before the last sample (truncated frame)");
        }

        return reader.Position;
    }

    /// <summary>Reconstructs the samples of one scan row by row (two row buffers per component).</summary>
    private sealed class ScanState(
        JpegLosslessFrameInfo frame,
        int[] components,
        JpegHuffmanTable[] tables,
        int predictor,
        int pointTransform,
        int restartInterval,
        int bytesPerSample)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Decode(ref JpegBitReader reader, Span<byte> destination)
        {
            if (components.Length == 1 && restartInterval == 0)
            {
                DecodeSingleComponent(ref reader, destination);
                return;
            }

            var width = frame.Columns;
            var count = components.Length;
            var rowsBuffer = ArrayPool<int>.Shared.Rent(2 * width * count);
            try
            {
                var initial = 1 << (frame.Precision - pointTransform - 1);
                var mcusLeft = restartInterval;
                var firstLine = true;
                var resetNext = true;
                var previous = 0;
                var current = width * count;
                for (var y = 0; y < frame.Rows; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        if (restartInterval > 0)
                        {
                            if (mcusLeft == 0)
                            {
                                reader.Restart();
                                mcusLeft = restartInterval;
                                resetNext = true;
                                firstLine = true;
                            }

                            mcusLeft--;
                        }

                        for (var c = 0; c < count; c++)
                        {
                            var here = current + (c * width) + x;
                            var up = previous + (c * width) + x;
                            int prediction;
                            if (resetNext)
                            {
                                prediction = initial;
                            }
                            else if (firstLine)
                            {
                                prediction = rowsBuffer[here - 1];
                            }
                            else if (x == 0)
                            {
                                prediction = rowsBuffer[up];
                            }
                            else
                            {
                                prediction = Predict(rowsBuffer[here - 1], rowsBuffer[up], rowsBuffer[up - 1]);
                            }

                            rowsBuffer[here] = (prediction + DecodeDifference(ref reader, tables[c])) & 0xFFFF;
                        }

                        resetNext = false;
                    }

                    WriteRow(rowsBuffer.AsSpan(current, width * count), destination, y);
                    firstLine = false;
                    (previous, current) = (current, previous);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(rowsBuffer);
            }
        }

        /// <summary>The common case (one component, no restarts) without the per-sample bookkeeping of the general loop.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void DecodeSingleComponent(ref JpegBitReader reader, Span<byte> destination)
        {
            var width = frame.Columns;
            var table = tables[0];
            var previous = ArrayPool<int>.Shared.Rent(width);
            var current = ArrayPool<int>.Shared.Rent(width);
            try
            {
                var value = ((1 << (frame.Precision - pointTransform - 1)) + DecodeDifference(ref reader, table)) & 0xFFFF;
                current[0] = value;
                for (var x = 1; x < width; x++)
                {
                    value = (value + DecodeDifference(ref reader, table)) & 0xFFFF;
                    current[x] = value;
                }

                WriteRow(current.AsSpan(0, width), destination, 0);
                for (var y = 1; y < frame.Rows; y++)
                {
                    (previous, current) = (current, previous);
                    value = (previous[0] + DecodeDifference(ref reader, table)) & 0xFFFF;
                    current[0] = value;
                    if (predictor == 1)
                    {
                        for (var x = 1; x < width; x++)
                        {
                            value = (value + DecodeDifference(ref reader, table)) & 0xFFFF;
                            current[x] = value;
                        }
                    }
                    else
                    {
                        for (var x = 1; x < width; x++)
                        {
                            value = (Predict(value, previous[x], previous[x - 1]) + DecodeDifference(ref reader, table)) & 0xFFFF;
                            current[x] = value;
                        }
                    }

                    WriteRow(current.AsSpan(0, width), destination, y);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(previous);
                ArrayPool<int>.Shared.Return(current);
            }
        }

        private int Predict(int left, int above, int aboveLeft) => predictor switch
        {
            1 => left,
            2 => above,
            3 => aboveLeft,
            4 => left + above - aboveLeft,
            5 => left + ((above - aboveLeft) >> 1),
            6 => above + ((left - aboveLeft) >> 1),
            _ => (left + above) >> 1,
        };

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int DecodeDifference(ref JpegBitReader reader, JpegHuffmanTable table)
        {
            reader.Ensure32();
            var category = table.Decode(ref reader);
            if (category == 0)
            {
                return 0;
            }

            if (category >= 16)
            {
                return category == 16 ? 32768 : throw CodecErrors.Malformed(Name, $"difference category {category} is out of range");
            }

            var bits = reader.PeekUnchecked(category);
            reader.Skip(category);
            return bits < (1 << (category - 1)) ? bits - (1 << category) + 1 : bits;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void WriteRow(ReadOnlySpan<int> row, Span<byte> destination, int y)
        {
            var width = frame.Columns;
            var stride = frame.Components;
            var mask = (1 << frame.Precision) - 1;
            for (var c = 0; c < components.Length; c++)
            {
                var samples = row.Slice(c * width, width);
                var index = (y * width * stride) + components[c];
                if (bytesPerSample == 1)
                {
                    for (var x = 0; x < width; x++, index += stride)
                    {
                        destination[index] = (byte)((samples[x] << pointTransform) & mask);
                    }
                }
                else
                {
                    for (var x = 0; x < width; x++, index += stride)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(destination[(2 * index)..], (ushort)((samples[x] << pointTransform) & mask));
                    }
                }
            }
        }
    }
}
