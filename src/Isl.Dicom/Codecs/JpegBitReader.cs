using System.Runtime.CompilerServices;

namespace Isl.Dicom.Codecs;

/// <summary>Reads entropy-coded bits MSB first, removing stuffed zero bytes and stopping at markers.</summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private ulong _bits;
    private int _count;
    private int _padding;
    private bool _atMarker;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        Position = position;
    }

    /// <summary>The next unread byte (at a marker once the scan's data is used up).</summary>
    public int Position { get; private set; }

    /// <summary>Bits handed out that lay beyond the entropy-coded data (a truncated scan when large).</summary>
    public readonly int OverrunBits => Math.Max(0, (_padding * 8) - _count);

    /// <summary>Makes at least 32 bits available for the unchecked reads below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Ensure32()
    {
        if (_count < 32)
        {
            Fill();
        }
    }

    /// <summary>The next n bits without consuming them; only after <see cref="Ensure32"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int PeekUnchecked(int n) => (int)(_bits >> (64 - n));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int n)
    {
        _bits <<= n;
        _count -= n;
    }

    /// <summary>Drops the buffered bits and consumes the restart marker expected at the current position.</summary>
    public void Restart()
    {
        _bits = 0;
        _count = 0;
        _padding = 0;
        _atMarker = false;
        var p = Position;
        while (p + 1 < _data.Length && _data[p] == 0xFF && _data[p + 1] == 0xFF)
        {
            p++;
        }

        if (p + 1 >= _data.Length || _data[p] != 0xFF || _data[p + 1] < 0xD0 || _data[p + 1] > 0xD7)
        {
            throw CodecErrors.Malformed("JPEG Lossless", $"expected a restart marker (RSTn) at byte {p}");
        }

        Position = p + 2;
    }

    private void Fill()
    {
        while (_count <= 56)
        {
            byte value = 0;
            if (_atMarker || Position >= _data.Length)
            {
                _padding++;
            }
            else
            {
                value = _data[Position];
                if (value != 0xFF)
                {
                    Position++;
                }
                else
                {
                    var next = Position + 1 < _data.Length ? _data[Position + 1] : 0xD9;
                    if (next == 0x00)
                    {
                        Position += 2;
                    }
                    else
                    {
                        _atMarker = true;
                        _padding++;
                        value = 0;
                    }
                }
            }

            _bits |= (ulong)value << (56 - _count);
            _count += 8;
        }
    }
}
