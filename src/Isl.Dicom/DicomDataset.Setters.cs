using System.Buffers.Binary;
using System.Globalization;
using Isl.Dicom.Text;
using Isl.Dicom.Values;

namespace Isl.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>Sets a value from text, VR from the dictionary (binary VRs parse the text as numbers or tags).</summary>
    public DicomDataset Set(DicomTag tag, params string[] values) => Set(tag, DictionaryVR(tag), values);

    /// <summary>Sets a value from text with an explicit VR; several values are joined with '\'.</summary>
    public DicomDataset Set(DicomTag tag, DicomVR vr, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (DicomVRInfo.IsString(vr))
        {
            var text = values.Length == 1 ? values[0] : string.Join('\\', values);
            var encoding = tag == DicomTags.SpecificCharacterSet ? DicomCharacterSets.Default : TextEncoding;
            return Add(new DicomElement(tag, vr, DicomText.EncodePadded(text, vr, encoding)));
        }

        switch (vr)
        {
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.SV or DicomVR.UV:
                return SetNumbers(tag, vr, values.Select(v => ParseNumber(tag, v)).ToArray());
            case DicomVR.FL or DicomVR.FD:
                return SetNumbers(tag, vr, values.Select(v => ParseNumber(tag, v)).ToArray());
            case DicomVR.AT:
                var bytes = new byte[values.Length * 4];
                for (var i = 0; i < values.Length; i++)
                {
                    var at = DicomTag.TryParse(values[i], out var parsed) ? parsed : throw new DicomDataException($"'{values[i]}' is not a tag for {tag} (AT).");
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), at.Group);
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((i * 4) + 2), at.Element);
                }

                return Add(new DicomElement(tag, vr, bytes));
            default:
                throw new DicomDataException($"Cannot set {tag} with VR {vr} from text; use SetBytes, SetSequence or a numeric setter.");
        }
    }

    /// <summary>Sets unsigned 16-bit values (US, or by dictionary VR: SS, UL, SL, IS, DS, OW).</summary>
    public DicomDataset SetUInt16(DicomTag tag, params ushort[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return SetNumbers(tag, DictionaryVR(tag), values.Select(v => (double)v).ToArray());
    }

    /// <summary>Sets 32-bit integers, encoded per the dictionary VR (IS, SL, UL, US, SS, DS, FL, FD).</summary>
    public DicomDataset SetInt32(DicomTag tag, params int[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return SetNumbers(tag, DictionaryVR(tag), values.Select(v => (double)v).ToArray());
    }

    /// <summary>Sets doubles, encoded per the dictionary VR (DS formatted within 16 characters, FD, FL, ...).</summary>
    public DicomDataset SetDouble(DicomTag tag, params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return SetNumbers(tag, DictionaryVR(tag), values);
    }

    /// <summary>Sets a DA value (YYYYMMDD).</summary>
    public DicomDataset SetDate(DicomTag tag, DateOnly date) => Set(tag, DicomVR.DA, DicomDateTimeText.FormatDate(date));

    /// <summary>Sets a TM value (HHMMSS[.FFFFFF]).</summary>
    public DicomDataset SetTime(DicomTag tag, TimeOnly time) => Set(tag, DicomVR.TM, DicomDateTimeText.FormatTime(time));

    /// <summary>Sets a DT value (YYYYMMDDHHMMSS[.FFFFFF]).</summary>
    public DicomDataset SetDateTime(DicomTag tag, DateTime dateTime) => Set(tag, DicomVR.DT, DicomDateTimeText.FormatDateTime(dateTime));

    /// <summary>Sets a PN value.</summary>
    public DicomDataset SetPersonName(DicomTag tag, DicomPersonName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Set(tag, DicomVR.PN, name.ToString());
    }

    /// <summary>Sets raw value bytes (little-endian for binary VRs); odd lengths are padded when written.</summary>
    public DicomDataset SetBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> bytes)
    {
        if (vr == DicomVR.SQ)
        {
            throw new DicomDataException($"Use SetSequence for the sequence {tag}.");
        }

        return Add(new DicomElement(tag, vr, bytes));
    }

    /// <summary>Sets a sequence of items (the items are referenced, not copied).</summary>
    public DicomDataset SetSequence(DicomTag tag, IEnumerable<DicomDataset> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var encoding = TextEncoding;
        foreach (var item in list)
        {
            item.InheritedEncoding ??= encoding;
        }

        return Add(new DicomElement(tag, list));
    }

    /// <summary>Sets encapsulated pixel data.</summary>
    public DicomDataset SetFragments(DicomTag tag, DicomVR vr, DicomFragmentSequence fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        return Add(new DicomElement(tag, vr, fragments));
    }

    /// <summary>Sets numbers with an explicit VR (US, SS, UL, SL, SV, UV, FL, FD, OW, OL, OF, OD, DS or IS); integers are range-checked.</summary>
    public DicomDataset SetNumbers(DicomTag tag, DicomVR vr, params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        switch (vr)
        {
            case DicomVR.DS:
                return Set(tag, vr, values.Select(DicomNumberText.FormatDecimalString).ToArray());
            case DicomVR.IS:
                return Set(tag, vr, values.Select(v => DicomNumberText.FormatIntegerString(CheckedInteger(tag, v, int.MinValue, int.MaxValue))).ToArray());
        }

        var size = DicomVRInfo.UnitSize(vr);
        if (!DicomBinary.IsBinaryNumber(vr) || vr is DicomVR.AT or DicomVR.UN or DicomVR.OB)
        {
            throw new DicomDataException($"Cannot set {tag} with VR {vr} from numbers.");
        }

        var bytes = new byte[values.Length * size];
        var span = bytes.AsSpan();
        for (var i = 0; i < values.Length; i++)
        {
            var at = span[(i * size)..];
            var v = values[i];
            switch (vr)
            {
                case DicomVR.US or DicomVR.OW:
                    BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)CheckedInteger(tag, v, ushort.MinValue, ushort.MaxValue));
                    break;
                case DicomVR.SS:
                    BinaryPrimitives.WriteInt16LittleEndian(at, (short)CheckedInteger(tag, v, short.MinValue, short.MaxValue));
                    break;
                case DicomVR.UL or DicomVR.OL:
                    BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)CheckedInteger(tag, v, uint.MinValue, uint.MaxValue));
                    break;
                case DicomVR.SL:
                    BinaryPrimitives.WriteInt32LittleEndian(at, (int)CheckedInteger(tag, v, int.MinValue, int.MaxValue));
                    break;
                case DicomVR.SV:
                    BinaryPrimitives.WriteInt64LittleEndian(at, CheckedInteger(tag, v, long.MinValue, long.MaxValue));
                    break;
                case DicomVR.UV or DicomVR.OV:
                    BinaryPrimitives.WriteUInt64LittleEndian(at, (ulong)CheckedInteger(tag, v, 0, long.MaxValue));
                    break;
                case DicomVR.FL or DicomVR.OF:
                    BinaryPrimitives.WriteSingleLittleEndian(at, (float)v);
                    break;
                default:
                    BinaryPrimitives.WriteDoubleLittleEndian(at, v);
                    break;
            }
        }

        return Add(new DicomElement(tag, vr, bytes));
    }

    private static long CheckedInteger(DicomTag tag, double value, long min, long max) =>
        value == Math.Round(value) && value >= min && value <= max
            ? (long)value
            : throw new DicomDataException($"The value {value.ToString(CultureInfo.InvariantCulture)} does not fit {tag} {DicomDictionary.Default.GetKeyword(tag)} (range {min}..{max}, integers only).");

    private static double ParseNumber(DicomTag tag, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DicomDataException($"'{text}' is not a number for {tag} {DicomDictionary.Default.GetKeyword(tag)}.");

    private static DicomVR DictionaryVR(DicomTag tag)
    {
        var vr = DicomDictionary.Default.GetVR(tag);
        return vr is DicomVR.UN or DicomVR.None
            ? throw new DicomDataException($"The tag {tag} is not in the dictionary; give its VR explicitly.")
            : vr;
    }
}
