using Isl.Dicom.Text;
using Isl.Dicom.Values;

namespace Isl.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>The whole value as text (trailing padding trimmed; binary numbers formatted, '\'-separated).</summary>
    /// <exception cref="DicomDataException">The element is absent or is a sequence.</exception>
    public string GetString(DicomTag tag) => TryGetString(tag, out var value) ? value : throw Missing(tag);

    /// <summary>The whole value as text, if present; see <see cref="GetString"/>.</summary>
    public bool TryGetString(DicomTag tag, out string value)
    {
        value = string.Empty;
        if (!TryGetElement(tag, out var element) || element.IsSequence || element.IsEncapsulated)
        {
            return false;
        }

        value = ElementText(element);
        return true;
    }

    /// <summary>The whole value as text, or <paramref name="defaultValue"/> when absent.</summary>
    public string? GetStringOrDefault(DicomTag tag, string? defaultValue = null) => TryGetString(tag, out var value) ? value : defaultValue;

    /// <summary>The values of a multi-valued element (split on '\', each trimmed); empty when the value is empty.</summary>
    /// <exception cref="DicomDataException">The element is absent.</exception>
    public string[] GetStrings(DicomTag tag)
    {
        var element = GetElement(tag);
        var vr = EffectiveVR(element);
        if (DicomVRInfo.IsString(vr) && !DicomVRInfo.IsMultiValuedText(vr))
        {
            return [ElementText(element)];
        }

        var text = ElementText(element);
        if (text.Length == 0)
        {
            return [];
        }

        var parts = text.Split('\\');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim(' ', '\0');
        }

        return parts;
    }

    /// <summary>The number of values of an element (text components, binary numbers or items); 0 when absent.</summary>
    public int GetValueCount(DicomTag tag)
    {
        if (!TryGetElement(tag, out var element))
        {
            return 0;
        }

        if (element.IsSequence)
        {
            return element.Items.Count;
        }

        var vr = EffectiveVR(element);
        return DicomVRInfo.IsString(vr)
            ? (DicomVRInfo.IsMultiValuedText(vr) ? DicomText.CountComponents(DicomText.TrimValue(element.Data.Span, vr)) : (element.Length > 0 ? 1 : 0))
            : DicomBinary.Count(element.Data.Span, vr);
    }

    /// <summary>The <paramref name="index"/>-th value as an unsigned 16-bit integer.</summary>
    public ushort GetUInt16(DicomTag tag, int index = 0) => checked((ushort)RangeChecked(tag, GetInt64(tag, index), ushort.MinValue, ushort.MaxValue));

    /// <summary>The first value as an unsigned 16-bit integer, if present and valid.</summary>
    public bool TryGetUInt16(DicomTag tag, out ushort value)
    {
        var ok = TryGetInt64(tag, 0, out var wide) && wide is >= ushort.MinValue and <= ushort.MaxValue;
        value = ok ? (ushort)wide : default;
        return ok;
    }

    /// <summary>The <paramref name="index"/>-th value as a 32-bit integer (binary VRs, IS or DS).</summary>
    public int GetInt32(DicomTag tag, int index = 0) => (int)RangeChecked(tag, GetInt64(tag, index), int.MinValue, int.MaxValue);

    /// <summary>The first value as a 32-bit integer, if present and valid.</summary>
    public bool TryGetInt32(DicomTag tag, out int value)
    {
        var ok = TryGetInt64(tag, 0, out var wide) && wide is >= int.MinValue and <= int.MaxValue;
        value = ok ? (int)wide : default;
        return ok;
    }

    /// <summary>The <paramref name="index"/>-th value as a 64-bit integer.</summary>
    public long GetInt64(DicomTag tag, int index = 0)
    {
        var element = GetElement(tag);
        return TryGetInt64(element, index, out var value)
            ? value
            : throw new DicomDataException($"The element {tag} {DicomDictionary.Default.GetKeyword(tag)} has no integer value at index {index} (value '{ElementTextOrBinary(element)}').");
    }

    /// <summary>The <paramref name="index"/>-th value as a 64-bit integer, if present and valid.</summary>
    public bool TryGetInt64(DicomTag tag, int index, out long value)
    {
        value = 0;
        return TryGetElement(tag, out var element) && TryGetInt64(element, index, out value);
    }

    /// <summary>The <paramref name="index"/>-th value as a double (FL, FD, DS, IS, or integer VRs).</summary>
    public double GetDouble(DicomTag tag, int index = 0)
    {
        var element = GetElement(tag);
        return TryGetDouble(element, index, out var value)
            ? value
            : throw new DicomDataException($"The element {tag} {DicomDictionary.Default.GetKeyword(tag)} has no numeric value at index {index} (value '{ElementTextOrBinary(element)}').");
    }

    /// <summary>The first value as a double, if present and valid.</summary>
    public bool TryGetDouble(DicomTag tag, out double value) => TryGetDouble(tag, 0, out value);

    /// <summary>The <paramref name="index"/>-th value as a double, if present and valid.</summary>
    public bool TryGetDouble(DicomTag tag, int index, out double value)
    {
        value = 0;
        return TryGetElement(tag, out var element) && TryGetDouble(element, index, out value);
    }

    /// <summary>All values as doubles.</summary>
    public double[] GetDoubles(DicomTag tag)
    {
        var count = GetValueCount(tag);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = GetDouble(tag, i);
        }

        return values;
    }

    /// <summary>All values as 32-bit integers.</summary>
    public int[] GetInt32s(DicomTag tag)
    {
        var count = GetValueCount(tag);
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = GetInt32(tag, i);
        }

        return values;
    }

    /// <summary>A DA value as a date.</summary>
    public DateOnly GetDate(DicomTag tag) => TryGetDate(tag, out var date) ? date : throw Invalid(tag, "a date (YYYYMMDD)");

    /// <summary>A DA value as a date, if present and valid.</summary>
    public bool TryGetDate(DicomTag tag, out DateOnly date)
    {
        date = default;
        return TryGetString(tag, out var text) && DicomDateTimeText.TryParseDate(text, out date);
    }

    /// <summary>A TM value as a time of day.</summary>
    public TimeOnly GetTime(DicomTag tag) => TryGetTime(tag, out var time) ? time : throw Invalid(tag, "a time (HHMMSS.FFFFFF)");

    /// <summary>A TM value as a time of day, if present and valid.</summary>
    public bool TryGetTime(DicomTag tag, out TimeOnly time)
    {
        time = default;
        return TryGetString(tag, out var text) && DicomDateTimeText.TryParseTime(text, out time);
    }

    /// <summary>A DT value (timezone suffix ignored), or a DA value at midnight.</summary>
    public DateTime GetDateTime(DicomTag tag) => TryGetDateTime(tag, out var value) ? value : throw Invalid(tag, "a date-time (YYYYMMDDHHMMSS)");

    /// <summary>A DT (or DA) value, if present and valid.</summary>
    public bool TryGetDateTime(DicomTag tag, out DateTime value)
    {
        value = default;
        return TryGetString(tag, out var text) && DicomDateTimeText.TryParseDateTime(text, out value);
    }

    /// <summary>A date element combined with a time element (e.g. StudyDate + StudyTime); the time defaults to midnight.</summary>
    public DateTime GetDateTime(DicomTag dateTag, DicomTag timeTag)
    {
        var date = GetDate(dateTag);
        return date.ToDateTime(TryGetTime(timeTag, out var time) ? time : TimeOnly.MinValue);
    }

    /// <summary>A PN value parsed into its components.</summary>
    public DicomPersonName GetPersonName(DicomTag tag) => DicomPersonName.Parse(GetString(tag));

    /// <summary>The raw value bytes (little-endian for binary VRs).</summary>
    public ReadOnlyMemory<byte> GetBytes(DicomTag tag) => TryGetBytes(tag, out var bytes) ? bytes : throw Missing(tag);

    /// <summary>The raw value bytes, if present (false for sequences and encapsulated data).</summary>
    public bool TryGetBytes(DicomTag tag, out ReadOnlyMemory<byte> bytes)
    {
        bytes = default;
        if (!TryGetElement(tag, out var element) || element.IsSequence || element.IsEncapsulated)
        {
            return false;
        }

        bytes = element.Data;
        return true;
    }

    /// <summary>The items of a sequence.</summary>
    /// <exception cref="DicomDataException">The element is absent or not a sequence.</exception>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) =>
        TryGetSequence(tag, out var items) ? items : throw (Contains(tag) ? Invalid(tag, "a sequence") : Missing(tag));

    /// <summary>The items of a sequence, if present.</summary>
    public bool TryGetSequence(DicomTag tag, out IReadOnlyList<DicomDataset> items)
    {
        items = [];
        if (!TryGetElement(tag, out var element) || !element.IsSequence)
        {
            return false;
        }

        items = element.Items;
        return true;
    }

    /// <summary>The fragments of encapsulated pixel data, or null when absent or native.</summary>
    public DicomFragmentSequence? GetFragments(DicomTag tag) => TryGetElement(tag, out var element) ? element.Fragments : null;

    /// <summary>The VR to decode with: a standard tag stored as UN is read with its dictionary VR.</summary>
    private static DicomVR EffectiveVR(DicomElement element)
    {
        if (element.VR != DicomVR.UN || element.Tag.IsPrivate)
        {
            return element.VR;
        }

        var vr = DicomDictionary.Default.GetVR(element.Tag);
        return vr is DicomVR.UN or DicomVR.None or DicomVR.SQ ? DicomVR.UN : vr;
    }

    private static bool TryGetInt64(DicomElement element, int index, out long value)
    {
        value = 0;
        var vr = EffectiveVR(element);
        if (DicomVRInfo.IsString(vr))
        {
            return DicomText.TryGetComponent(element.Data.Span, index, out var component) && DicomNumberText.TryParseInt64(component, out value);
        }

        return !element.IsSequence && !element.IsEncapsulated && DicomBinary.TryReadInt64(element.Data.Span, vr, index, out value);
    }

    private static bool TryGetDouble(DicomElement element, int index, out double value)
    {
        value = 0;
        var vr = EffectiveVR(element);
        if (DicomVRInfo.IsString(vr))
        {
            return DicomText.TryGetComponent(element.Data.Span, index, out var component) && DicomNumberText.TryParseDouble(component, out value);
        }

        return !element.IsSequence && !element.IsEncapsulated && DicomBinary.TryReadDouble(element.Data.Span, vr, index, out value);
    }

    private string ElementText(DicomElement element)
    {
        var vr = EffectiveVR(element);
        if (!DicomVRInfo.IsString(vr))
        {
            return DicomBinary.Format(element.Data.Span, vr);
        }

        var trimmed = vr is DicomVR.LT or DicomVR.ST or DicomVR.UT
            ? DicomText.TrimValue(element.Data.Span, vr)
            : TrimTrailing(element.Data.Span);
        return DicomText.Decode(trimmed, vr, TextEncoding);
    }

    private string ElementTextOrBinary(DicomElement element) =>
        element.IsSequence || element.IsEncapsulated ? element.VR.ToString() : ElementText(element);

    private static ReadOnlySpan<byte> TrimTrailing(ReadOnlySpan<byte> value)
    {
        var end = value.Length;
        while (end > 0 && (value[end - 1] == (byte)' ' || value[end - 1] == 0))
        {
            end--;
        }

        var start = 0;
        while (start < end && value[start] == (byte)' ')
        {
            start++;
        }

        return value[start..end];
    }

    private static long RangeChecked(DicomTag tag, long value, long min, long max) =>
        value >= min && value <= max ? value : throw Invalid(tag, $"a value in [{min}, {max}] (it is {value})");

    private static DicomDataException Invalid(DicomTag tag, string expected) =>
        new($"The element {tag} {DicomDictionary.Default.GetKeyword(tag)} does not hold {expected}.");
}
