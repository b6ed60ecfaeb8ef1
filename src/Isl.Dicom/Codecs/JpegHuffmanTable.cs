using System.Runtime.CompilerServices;

namespace Isl.Dicom.Codecs;

/// <summary>A DC Huffman table (ITU T.81 Annex C) with a 9-bit lookup for the short codes.</summary>
internal sealed class JpegHuffmanTable
{
    public const int LookupBits = 9;

    // Entry = (code length << 8) | symbol; 0 means "longer than LookupBits".
    private readonly ushort[] _lookup = new ushort[1 << LookupBits];
    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valueOffset = new int[17];
    private readonly byte[] _values;

    public JpegHuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        _values = values.ToArray();
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            int count = counts[length - 1];
            _valueOffset[length] = k - code;
            if (count == 0)
            {
                _maxCode[length] = -1;
            }
            else
            {
                if (code + count > (1 << length))
                {
                    throw CodecErrors.Malformed("JPEG Lossless", "a Huffman table (DHT) declares more codes than its lengths allow");
                }

                for (var i = 0; i < count; i++, k++, code++)
                {
                    if (length <= LookupBits)
                    {
                        var first = code << (LookupBits - length);
                        var entry = (ushort)((length << 8) | _values[k]);
                        _lookup.AsSpan(first, 1 << (LookupBits - length)).Fill(entry);
                    }
                }

                _maxCode[length] = code - 1;
            }

            code <<= 1;
        }

        _maxCode[17] = int.MaxValue;
    }

    /// <summary>Decodes one symbol; the caller has made 32 bits available (<see cref="JpegBitReader.Ensure32"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Decode(ref JpegBitReader reader)
    {
        var entry = _lookup[reader.PeekUnchecked(LookupBits)];
        if (entry != 0)
        {
            reader.Skip(entry >> 8);
            return entry & 0xFF;
        }

        return DecodeLong(ref reader);
    }

    private int DecodeLong(ref JpegBitReader reader)
    {
        var bits16 = reader.PeekUnchecked(16);
        for (var length = LookupBits + 1; length <= 16; length++)
        {
            var code = bits16 >> (16 - length);
            if (code <= _maxCode[length])
            {
                reader.Skip(length);
                return _values[code + _valueOffset[length]];
            }
        }

        throw CodecErrors.Malformed("JPEG Lossless", "a Huffman code in the scan matches no entry of its table");
    }
}
