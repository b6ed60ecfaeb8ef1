using System.Buffers.Binary;
using System.Text;

namespace Isl.Dicom.IO;

/// <summary>
/// Parses a dataset from one byte buffer. Values are slices of the buffer (zero copy) except in big-endian
/// input, which is swapped into new arrays. Every declared length is checked against the bytes present
/// before anything is sliced or allocated.
/// </summary>
internal sealed class DicomParser
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private const uint ItemTag = 0xFFFEE000;
    private const uint ItemDelimitationTag = 0xFFFEE00D;
    private const uint SequenceDelimitationTag = 0xFFFEE0DD;

    private readonly byte[] _buffer;
    private readonly int _bufferEnd;
    private readonly bool _complete;
    private readonly long _fileOffset;
    private readonly DicomReadOptions _options;
    private readonly DicomDictionary _dictionary = DicomDictionary.Default;

    /// <param name="buffer">The bytes.</param>
    /// <param name="bufferEnd">How many bytes of <paramref name="buffer"/> are valid.</param>
    /// <param name="complete">False when more input exists beyond <paramref name="bufferEnd"/> (reaching the end then throws <see cref="NeedMoreDataException"/>).</param>
    /// <param name="fileOffset">The offset of buffer[0] in the original input, for error messages.</param>
    /// <param name="options">Read options.</param>
    public DicomParser(byte[] buffer, int bufferEnd, bool complete, long fileOffset, DicomReadOptions options)
    {
        _buffer = buffer;
        _bufferEnd = bufferEnd;
        _complete = complete;
        _fileOffset = fileOffset;
        _options = options;
    }

    /// <summary>Set when the top-level parse stopped at <see cref="DicomReadOptions.StopAtTag"/> or the end of group 0002.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Parses top-level elements from <paramref name="position"/> to the end of the buffer.</summary>
    /// <param name="position">Start; on return, where parsing stopped.</param>
    /// <param name="explicitVR">Explicit or implicit VR.</param>
    /// <param name="bigEndian">Byte order.</param>
    /// <param name="metaGroupOnly">Stop at the first element outside group 0002.</param>
    public DicomDataset ParseTopLevel(ref int position, bool explicitVR, bool bigEndian, bool metaGroupOnly)
    {
        var dataset = new DicomDataset();
        var stopAt = metaGroupOnly ? null : _options.StopAtTag;
        while (position < _bufferEnd || !_complete)
        {
            if (_bufferEnd - position < 4)
            {
                if (!_complete)
                {
                    throw new NeedMoreDataException();
                }

                if (AllZero(position, _bufferEnd))
                {
                    position = _bufferEnd;
                    break;
                }

                throw Error("The input ends inside an element header", position, null);
            }

            var tag = ReadTag(position, bigEndian);
            if (metaGroupOnly && tag.Group != 0x0002)
            {
                Stopped = true;
                break;
            }

            if (stopAt is { } stop && tag.Value >= stop.Value)
            {
                Stopped = true;
                break;
            }

            if (tag.Value == SequenceDelimitationTag || tag.Value == ItemDelimitationTag)
            {
                // A stray delimiter at the top level (seen in the field): skip it as dcmtk does.
                EnsureAvailable(position, 8, _bufferEnd, tag);
                position += 8;
                continue;
            }

            if (tag.Value == 0 && AllZero(position, _complete ? _bufferEnd : Math.Min(_bufferEnd, position + 256)) && _complete)
            {
                position = _bufferEnd;
                break; // trailing zero padding after the dataset
            }

            dataset.AddRead(ParseElement(ref position, _bufferEnd, explicitVR, bigEndian, 0, null));
        }

        return dataset;
    }

    private DicomElement ParseElement(ref int position, int end, bool explicitVR, bool bigEndian, int depth, Encoding? inherited)
    {
        var start = position;
        EnsureAvailable(position, 8, end, null);
        var tag = ReadTag(position, bigEndian);
        if (tag.Group == 0xFFFE)
        {
            throw Error("An item or delimiter appears where a data element was expected", start, tag);
        }

        DicomVR vr;
        uint length;
        bool vrFromStream;
        if (explicitVR && DicomVRInfo.TryParse(_buffer[position + 4], _buffer[position + 5], out vr))
        {
            vrFromStream = true;
            if (DicomVRInfo.HasLongLength(vr))
            {
                EnsureAvailable(position, 12, end, tag);
                length = ReadUInt32(position + 8, bigEndian);
                position += 12;
            }
            else
            {
                length = ReadUInt16(position + 6, bigEndian);
                position += 8;
            }
        }
        else if (explicitVR)
        {
            throw Error($"Invalid VR bytes 0x{_buffer[position + 4]:X2}{_buffer[position + 5]:X2} in Explicit VR data", start, tag);
        }
        else
        {
            vrFromStream = false;
            vr = ImplicitVR(tag);
            length = ReadUInt32(position + 4, bigEndian);
            position += 8;
        }

        if (length == UndefinedLength)
        {
            if (vr == DicomVR.SQ || vr == DicomVR.UN || (!vrFromStream && vr != DicomVR.OB && vr != DicomVR.OW))
            {
                // UN with undefined length holds an Implicit VR Little Endian sequence (PS3.5 6.2.2).
                var itemsExplicit = vr == DicomVR.SQ && explicitVR;
                var itemsBigEndian = vr == DicomVR.SQ && bigEndian;
                var items = ParseUndefinedSequence(ref position, end, itemsExplicit, itemsBigEndian, depth + 1, tag);
                return new DicomElement(tag, items);
            }

            if (vr is DicomVR.OB or DicomVR.OW)
            {
                return new DicomElement(tag, vr, ParseFragments(ref position, end, bigEndian, tag));
            }

            throw Error($"Undefined length is not allowed for VR {vr}", start, tag);
        }

        if (length > _options.MaxElementLength)
        {
            throw Error($"The element declares {length} bytes, more than the allowed maximum of {_options.MaxElementLength}", start, tag);
        }

        if (vr == DicomVR.SQ)
        {
            var sequenceEnd = ClippedEnd(position, length, end, tag);
            var items = ParseDefinedSequence(position, sequenceEnd, explicitVR, bigEndian, depth + 1, tag);
            position = sequenceEnd;
            return new DicomElement(tag, items);
        }

        EnsureAvailable(position, length, end, tag);
        var valueStart = position;
        position += (int)length;

        return new DicomElement(tag, vr, Slice(valueStart, (int)length, vr, bigEndian));
    }

    private List<DicomDataset> ParseDefinedSequence(int position, int end, bool explicitVR, bool bigEndian, int depth, DicomTag sequenceTag)
    {
        CheckDepth(depth, position, sequenceTag);
        var items = new List<DicomDataset>();
        while (position < end)
        {
            EnsureAvailable(position, 8, end, sequenceTag);
            var tag = ReadTag(position, bigEndian);
            var length = ReadUInt32(position + 4, bigEndian);
            if (tag.Value == SequenceDelimitationTag)
            {
                position += 8; // tolerated: a delimiter inside a defined-length sequence
                continue;
            }

            if (tag.Value != ItemTag)
            {
                throw Error($"Expected an item in sequence {sequenceTag}", position, tag);
            }

            position += 8;
            items.Add(ParseItem(ref position, end, length, explicitVR, bigEndian, depth, sequenceTag));
        }

        return items;
    }

    private List<DicomDataset> ParseUndefinedSequence(ref int position, int end, bool explicitVR, bool bigEndian, int depth, DicomTag sequenceTag)
    {
        CheckDepth(depth, position, sequenceTag);
        var items = new List<DicomDataset>();
        while (true)
        {
            EnsureAvailable(position, 8, end, sequenceTag);
            var tag = ReadTag(position, bigEndian);
            var length = ReadUInt32(position + 4, bigEndian);
            position += 8;
            if (tag.Value == SequenceDelimitationTag)
            {
                return items;
            }

            if (tag.Value != ItemTag)
            {
                throw Error($"Expected an item or sequence delimiter in sequence {sequenceTag}", position - 8, tag);
            }

            items.Add(ParseItem(ref position, end, length, explicitVR, bigEndian, depth, sequenceTag));
        }
    }

    private DicomDataset ParseItem(ref int position, int end, uint length, bool explicitVR, bool bigEndian, int depth, DicomTag sequenceTag)
    {
        var item = new DicomDataset();
        if (length == UndefinedLength)
        {
            while (true)
            {
                EnsureAvailable(position, 8, end, sequenceTag);
                var tag = ReadTag(position, bigEndian);
                if (tag.Value == ItemDelimitationTag)
                {
                    position += 8;
                    return item;
                }

                item.AddRead(ParseElement(ref position, end, explicitVR, bigEndian, depth, null));
            }
        }

        var itemEnd = ClippedEnd(position, length, end, sequenceTag);
        while (position < itemEnd)
        {
            EnsureAvailable(position, 8, itemEnd, sequenceTag);
            if (ReadTag(position, bigEndian).Value == ItemDelimitationTag)
            {
                position += 8; // tolerated: a delimiter inside a defined-length item
                continue;
            }

            item.AddRead(ParseElement(ref position, itemEnd, explicitVR, bigEndian, depth, null));
        }

        position = itemEnd;
        return item;
    }

    /// <summary>
    /// The end of a defined-length sequence or item. One that claims more bytes than the whole input holds is cut at
    /// the end of the input (dcmtk reads such files too); its elements must still be complete.
    /// </summary>
    private int ClippedEnd(int position, uint length, int end, DicomTag tag)
    {
        if (length > end - position && _complete && end == _bufferEnd)
        {
            return end;
        }

        EnsureAvailable(position, length, end, tag);
        return position + (int)length;
    }

    private DicomFragmentSequence ParseFragments(ref int position, int end, bool bigEndian, DicomTag tag)
    {
        var offsets = new List<uint>();
        var fragments = new List<ReadOnlyMemory<byte>>();
        var first = true;
        while (true)
        {
            EnsureAvailable(position, 8, end, tag);
            var itemTag = ReadTag(position, bigEndian);
            var length = ReadUInt32(position + 4, bigEndian);
            position += 8;
            if (itemTag.Value == SequenceDelimitationTag)
            {
                return new DicomFragmentSequence(offsets, fragments);
            }

            if (itemTag.Value != ItemTag)
            {
                throw Error("Expected a fragment item in encapsulated pixel data", position - 8, itemTag);
            }

            if (length == UndefinedLength || length > _options.MaxElementLength)
            {
                throw Error($"Invalid fragment length {length}", position - 8, tag);
            }

            EnsureAvailable(position, length, end, tag);
            if (first)
            {
                for (var i = 0; i + 4 <= length; i += 4)
                {
                    offsets.Add(ReadUInt32(position + i, bigEndian));
                }

                first = false;
            }
            else
            {
                fragments.Add(new ReadOnlyMemory<byte>(_buffer, position, (int)length));
            }

            position += (int)length;
        }
    }

    private DicomVR ImplicitVR(DicomTag tag)
    {
        if (tag.Element == 0)
        {
            return DicomVR.UL;
        }

        if (tag.IsPrivate)
        {
            return tag.IsPrivateCreator ? DicomVR.LO : DicomVR.UN;
        }

        var vr = _dictionary.GetVR(tag);
        return vr == DicomVR.None ? DicomVR.UN : vr;
    }

    private ReadOnlyMemory<byte> Slice(int start, int length, DicomVR vr, bool bigEndian)
    {
        var unit = DicomVRInfo.UnitSize(vr);
        if (!bigEndian || unit == 1)
        {
            return new ReadOnlyMemory<byte>(_buffer, start, length);
        }

        var copy = _buffer.AsSpan(start, length).ToArray();
        ByteSwap.InPlace(copy, unit);
        return copy;
    }

    private void CheckDepth(int depth, int position, DicomTag tag)
    {
        if (depth > _options.MaxSequenceDepth)
        {
            throw Error($"Sequences are nested deeper than {_options.MaxSequenceDepth} levels", position, tag);
        }
    }

    private void EnsureAvailable(int position, long count, int end, DicomTag? tag)
    {
        if (count <= end - position)
        {
            return;
        }

        if (!_complete && position + count > _bufferEnd)
        {
            throw new NeedMoreDataException();
        }

        throw Error(end == _bufferEnd
            ? $"The input ends early: {count} bytes are needed but only {end - position} remain"
            : $"A length of {count} bytes runs past the end of its enclosing sequence or item ({end - position} bytes left)", position, tag);
    }

    private DicomParseException Error(string message, int position, DicomTag? tag) => new(message, _fileOffset + position, tag);

    private DicomTag ReadTag(int position, bool bigEndian)
    {
        var group = ReadUInt16(position, bigEndian);
        var element = ReadUInt16(position + 2, bigEndian);
        return new DicomTag(group, element);
    }

    private ushort ReadUInt16(int position, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(position, 2))
        : BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(position, 2));

    private uint ReadUInt32(int position, bool bigEndian) => bigEndian
        ? BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(position, 4))
        : BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(position, 4));

    private bool AllZero(int from, int to) => !_buffer.AsSpan(from, to - from).ContainsAnyExcept((byte)0);
}
