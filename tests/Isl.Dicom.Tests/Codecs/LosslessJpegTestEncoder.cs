namespace Isl.Dicom.Tests.Codecs;

/// <summary>
/// A small, independent process-14 encoder (T.81 Annex H) so decoder tests can cover what dcmtk cannot
/// produce: restart intervals, per-component scans, every precision and the 16-bit category.
/// </summary>
internal static class LosslessJpegTestEncoder
{
    // Code lengths 2,2,2,3,4,...,16: symbols 0..2 get 2-bit codes, category 16 a 16-bit code (not all ones).
    private static readonly byte[] Counts = [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    private static readonly byte[] Symbols = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

    /// <summary>Encodes interleaved samples (components per pixel) of the given precision.</summary>
    public static byte[] Encode(int[] samples, int rows, int columns, int components, int precision, int predictor, int pointTransform = 0, int restartInterval = 0, bool separateScans = false)
    {
        var (codes, lengths) = BuildCodes();
        var output = new List<byte> { 0xFF, 0xD8 };
        Segment(output, 0xC3, [(byte)precision, (byte)(rows >> 8), (byte)rows, (byte)(columns >> 8), (byte)columns, (byte)components, .. Enumerable.Range(0, components).SelectMany(c => new byte[] { (byte)(c + 1), 0x11, 0 })]);
        Segment(output, 0xC4, [0x00, .. Counts, .. Symbols]);
        if (restartInterval > 0)
        {
            Segment(output, 0xDD, [(byte)(restartInterval >> 8), (byte)restartInterval]);
        }

        var scans = separateScans ? Enumerable.Range(0, components).Select(c => new[] { c }).ToArray() : [Enumerable.Range(0, components).ToArray()];
        foreach (var scan in scans)
        {
            Segment(output, 0xDA, [(byte)scan.Length, .. scan.SelectMany(c => new byte[] { (byte)(c + 1), 0x00 }), (byte)predictor, 0, (byte)pointTransform]);
            EncodeScan(output, samples, rows, columns, components, scan, precision, predictor, pointTransform, restartInterval, codes, lengths);
        }

        output.Add(0xFF);
        output.Add(0xD9);
        return [.. output];
    }

    private static void EncodeScan(List<byte> output, int[] samples, int rows, int columns, int components, int[] scan, int precision, int predictor, int pt, int restartInterval, int[] codes, int[] lengths)
    {
        var writer = new BitWriter(output);
        var initial = 1 << (precision - pt - 1);
        int Sample(int y, int x, int c) => samples[(((y * columns) + x) * components) + c] >> pt;
        var mcus = 0;
        var restarts = 0;
        var restartRow = 0;
        var restartColumn = 0;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                if (restartInterval > 0 && mcus > 0 && mcus % restartInterval == 0)
                {
                    writer.Flush();
                    output.Add(0xFF);
                    output.Add((byte)(0xD0 + (restarts++ % 8)));
                    restartRow = y;
                    restartColumn = x;
                }

                mcus++;
                foreach (var c in scan)
                {
                    var firstOfInterval = y == restartRow && x == restartColumn;
                    var firstLine = y == restartRow && x >= restartColumn;
                    int prediction;
                    if (firstOfInterval)
                    {
                        prediction = initial;
                    }
                    else if (firstLine)
                    {
                        prediction = Sample(y, x - 1, c);
                    }
                    else if (x == 0)
                    {
                        prediction = Sample(y - 1, 0, c);
                    }
                    else
                    {
                        int a = Sample(y, x - 1, c), b = Sample(y - 1, x, c), d = Sample(y - 1, x - 1, c);
                        prediction = predictor switch
                        {
                            1 => a,
                            2 => b,
                            3 => d,
                            4 => a + b - d,
                            5 => a + ((b - d) >> 1),
                            6 => b + ((a - d) >> 1),
                            _ => (a + b) >> 1,
                        };
                    }

                    var difference = (Sample(y, x, c) - prediction) & 0xFFFF;
                    if (difference >= 32768)
                    {
                        difference -= 65536;
                    }

                    WriteDifference(writer, difference, codes, lengths);
                }
            }
        }

        writer.Flush();
    }

    private static void WriteDifference(BitWriter writer, int difference, int[] codes, int[] lengths)
    {
        if (difference == -32768)
        {
            writer.Write(codes[16], lengths[16]);
            return;
        }

        var magnitude = Math.Abs(difference);
        var category = magnitude == 0 ? 0 : 32 - int.LeadingZeroCount(magnitude);
        writer.Write(codes[category], lengths[category]);
        if (category > 0)
        {
            writer.Write(difference > 0 ? difference : difference + (1 << category) - 1, category);
        }
    }

    private static (int[] Codes, int[] Lengths) BuildCodes()
    {
        var codes = new int[17];
        var lengths = new int[17];
        int code = 0, k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < Counts[length - 1]; i++, k++, code++)
            {
                codes[Symbols[k]] = code;
                lengths[Symbols[k]] = length;
            }

            code <<= 1;
        }

        return (codes, lengths);
    }

    private static void Segment(List<byte> output, byte marker, byte[] payload)
    {
        output.Add(0xFF);
        output.Add(marker);
        output.Add((byte)((payload.Length + 2) >> 8));
        output.Add((byte)(payload.Length + 2));
        output.AddRange(payload);
    }

    private sealed class BitWriter(List<byte> output)
    {
        private int _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((value >> i) & 1);
                if (++_count == 8)
                {
                    Emit();
                }
            }
        }

        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Emit()
        {
            output.Add((byte)_buffer);
            if (_buffer == 0xFF)
            {
                output.Add(0x00);
            }

            _buffer = 0;
            _count = 0;
        }
    }
}
