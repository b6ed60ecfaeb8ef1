using System.Buffers;
using System.Buffers.Binary;

namespace Isl.Dicom.IO;

/// <summary>A buffered binary writer with a fixed byte order; large values go straight to the stream.</summary>
internal sealed class DicomOutput : IDisposable
{
    private const int BufferSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private byte[] _buffer;
    private int _position;

    public DicomOutput(Stream stream, bool bigEndian)
    {
        _stream = stream;
        _bigEndian = bigEndian;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    public void WriteUInt16(ushort value)
    {
        Reserve(2);
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_position), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_position), value);
        }

        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        Reserve(4);
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(_position), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_position), value);
        }

        _position += 4;
    }

    public void WriteTag(DicomTag tag)
    {
        WriteUInt16(tag.Group);
        WriteUInt16(tag.Element);
    }

    public void WriteByte(byte value)
    {
        Reserve(1);
        _buffer[_position++] = value;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > BufferSize / 2)
        {
            Flush();
            _stream.Write(bytes);
            return;
        }

        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    /// <summary>Writes a little-endian value in the output byte order (swapping units of <paramref name="unit"/> bytes when big-endian).</summary>
    public void WriteValue(ReadOnlySpan<byte> littleEndian, int unit)
    {
        if (!_bigEndian || unit == 1)
        {
            WriteBytes(littleEndian);
            return;
        }

        var offset = 0;
        while (offset < littleEndian.Length)
        {
            var chunk = Math.Min(littleEndian.Length - offset, BufferSize / 2);
            chunk -= chunk % unit;
            if (chunk == 0)
            {
                WriteBytes(littleEndian[offset..]);
                return;
            }

            Reserve(chunk);
            var target = _buffer.AsSpan(_position, chunk);
            littleEndian.Slice(offset, chunk).CopyTo(target);
            ByteSwap.InPlace(target, unit);
            _position += chunk;
            offset += chunk;
        }
    }

    public void Flush()
    {
        if (_position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }
    }

    public void Dispose()
    {
        Flush();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Reserve(int count)
    {
        if (_position + count > _buffer.Length)
        {
            Flush();
        }
    }
}
