namespace Isl.Dicom.IO;

/// <summary>
/// Encodes datasets: sequences and items with explicit lengths (computed in one pre-pass), encapsulated pixel
/// data with undefined length, group lengths recomputed where present, odd values padded.
/// </summary>
internal sealed class DicomEncoder
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private readonly DicomOutput _output;
    private readonly bool _explicitVR;
    private readonly Dictionary<DicomDataset, uint> _itemLengths = new(ReferenceEqualityComparer.Instance);

    public DicomEncoder(DicomOutput output, bool explicitVR)
    {
        _output = output;
        _explicitVR = explicitVR;
    }

    public void WriteDataset(DicomDataset dataset)
    {
        DatasetLength(dataset);
        WriteElements(dataset);
    }

    private void WriteElements(DicomDataset dataset)
    {
        foreach (var element in dataset)
        {
            if (element.Tag.Element == 0x0000 && element.Tag.Group != 0xFFFE)
            {
                WriteGroupLength(dataset, element.Tag);
            }
            else
            {
                WriteElement(element);
            }
        }
    }

    private void WriteGroupLength(DicomDataset dataset, DicomTag groupLengthTag)
    {
        long length = 0;
        foreach (var element in dataset)
        {
            if (element.Tag.Group == groupLengthTag.Group && element.Tag.Element != 0)
            {
                length += ElementLength(element);
            }
        }

        var value = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)Math.Min(length, uint.MaxValue));
        WriteElement(new DicomElement(groupLengthTag, DicomVR.UL, value));
    }

    private void WriteElement(DicomElement element)
    {
        var vr = WrittenVR(element);
        if (element.IsSequence)
        {
            var undefined = NeedsUndefinedLength(element);
            WriteHeader(element.Tag, vr, undefined ? UndefinedLength : SequenceLength(element));
            foreach (var item in element.Items)
            {
                _output.WriteTag(DicomTag.Item);
                _output.WriteUInt32(undefined ? UndefinedLength : _itemLengths[item]);
                WriteElements(item);
                if (undefined)
                {
                    _output.WriteTag(DicomTag.ItemDelimitation);
                    _output.WriteUInt32(0);
                }
            }

            if (undefined)
            {
                _output.WriteTag(DicomTag.SequenceDelimitation);
                _output.WriteUInt32(0);
            }

            return;
        }

        if (element.Fragments is { } fragments)
        {
            WriteHeader(element.Tag, vr, UndefinedLength);
            _output.WriteTag(DicomTag.Item);
            _output.WriteUInt32((uint)(fragments.OffsetTable.Count * 4));
            foreach (var offset in fragments.OffsetTable)
            {
                _output.WriteUInt32(offset);
            }

            foreach (var fragment in fragments.Fragments)
            {
                _output.WriteTag(DicomTag.Item);
                _output.WriteUInt32((uint)(fragment.Length + (fragment.Length & 1)));
                _output.WriteBytes(fragment.Span);
                if ((fragment.Length & 1) == 1)
                {
                    _output.WriteByte(0);
                }
            }

            _output.WriteTag(DicomTag.SequenceDelimitation);
            _output.WriteUInt32(0);
            return;
        }

        var data = element.Data.Span;
        var padded = data.Length + (data.Length & 1);
        WriteHeader(element.Tag, vr, (uint)padded);
        _output.WriteValue(data, DicomVRInfo.UnitSize(vr));
        if ((data.Length & 1) == 1)
        {
            _output.WriteByte(DicomVRInfo.PaddingByte(vr));
        }
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        _output.WriteTag(tag);
        if (!_explicitVR)
        {
            _output.WriteUInt32(length);
            return;
        }

        var code = DicomVRInfo.Code(vr);
        _output.WriteByte((byte)code[0]);
        _output.WriteByte((byte)code[1]);
        if (DicomVRInfo.HasLongLength(vr))
        {
            _output.WriteUInt16(0);
            _output.WriteUInt32(length);
        }
        else
        {
            _output.WriteUInt16((ushort)length);
        }
    }

    /// <summary>The VR to write: unknown VRs become UN, and short-length VRs whose value exceeds 64 KiB become UN (as dcmtk does).</summary>
    private DicomVR WrittenVR(DicomElement element)
    {
        var vr = element.VR == DicomVR.None ? DicomVR.UN : element.VR;
        if (_explicitVR && !DicomVRInfo.HasLongLength(vr) && element.Length > 0xFFFE)
        {
            return DicomVR.UN;
        }

        return vr;
    }

    /// <summary>
    /// In Implicit VR, a sequence the dictionary does not know as SQ (private or unknown tags) is only recognisable
    /// by its undefined length (PS3.5 7.5.1), so it is written that way.
    /// </summary>
    private bool NeedsUndefinedLength(DicomElement sequence) =>
        !_explicitVR && DicomDictionary.Default.GetVR(sequence.Tag) != DicomVR.SQ;

    private long DatasetLength(DicomDataset dataset)
    {
        long length = 0;
        foreach (var element in dataset)
        {
            length += ElementLength(element);
        }

        return length;
    }

    private long ElementLength(DicomElement element)
    {
        var vr = WrittenVR(element);
        long header = _explicitVR && DicomVRInfo.HasLongLength(vr) ? 12 : 8;
        if (element.IsSequence)
        {
            return header + SequenceLength(element) + (NeedsUndefinedLength(element) ? 8 + (8L * element.Items.Count) : 0);
        }

        if (element.Fragments is { } fragments)
        {
            long total = 8 + (fragments.OffsetTable.Count * 4L) + 8;
            foreach (var fragment in fragments.Fragments)
            {
                total += 8 + fragment.Length + (fragment.Length & 1);
            }

            return header + total;
        }

        return header + element.Length + (element.Length & 1);
    }

    private uint SequenceLength(DicomElement sequence)
    {
        long length = 0;
        foreach (var item in sequence.Items)
        {
            if (!_itemLengths.TryGetValue(item, out var itemLength))
            {
                var computed = DatasetLength(item);
                itemLength = computed < UndefinedLength ? (uint)computed : throw new DicomDataException($"An item of {sequence.Tag} is larger than 4 GiB.");
                _itemLengths[item] = itemLength;
            }

            length += 8 + itemLength;
        }

        return length < UndefinedLength ? (uint)length : throw new DicomDataException($"The sequence {sequence.Tag} is larger than 4 GiB.");
    }
}
