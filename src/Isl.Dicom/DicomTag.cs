using System.Globalization;

namespace Isl.Dicom;

/// <summary>A DICOM attribute tag (group, element), ordered by group then element.</summary>
public readonly struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>, IComparable
{
    /// <summary>Creates a tag from its group and element numbers.</summary>
    public DicomTag(ushort group, ushort element) => Value = ((uint)group << 16) | element;

    /// <summary>Creates a tag from its 32-bit value (group in the high half).</summary>
    public DicomTag(uint value) => Value = value;

    /// <summary>The tag as one 32-bit number, group in the high 16 bits.</summary>
    public uint Value { get; }

    /// <summary>The group number.</summary>
    public ushort Group => (ushort)(Value >> 16);

    /// <summary>The element number.</summary>
    public ushort Element => (ushort)Value;

    /// <summary>True for tags in odd groups other than 1, 3, 5, 7 and FFFF (private data elements).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0008 && Group != 0xFFFF;

    /// <summary>True for private creator elements (gggg,0010-00FF) in an odd group.</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    /// <summary>The item tag (FFFE,E000).</summary>
    public static DicomTag Item => new(0xFFFEE000);

    /// <summary>The item delimitation tag (FFFE,E00D).</summary>
    public static DicomTag ItemDelimitation => new(0xFFFEE00D);

    /// <summary>The sequence delimitation tag (FFFE,E0DD).</summary>
    public static DicomTag SequenceDelimitation => new(0xFFFEE0DD);

    /// <summary>Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee" (hexadecimal).</summary>
    /// <exception cref="FormatException">The text is not a tag.</exception>
    public static DicomTag Parse(string text) =>
        TryParse(text, out var tag) ? tag : throw new FormatException($"'{text}' is not a DICOM tag; expected (gggg,eeee) or ggggeeee.");

    /// <summary>Parses a tag without throwing; see <see cref="Parse"/>.</summary>
    public static bool TryParse(string? text, out DicomTag tag)
    {
        tag = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length > 2 && span[0] == '(' && span[^1] == ')')
        {
            span = span[1..^1];
        }

        ReadOnlySpan<char> groupText, elementText;
        var comma = span.IndexOf(',');
        if (comma >= 0)
        {
            groupText = span[..comma].Trim();
            elementText = span[(comma + 1)..].Trim();
        }
        else if (span.Length == 8)
        {
            groupText = span[..4];
            elementText = span[4..];
        }
        else
        {
            return false;
        }

        if (groupText.Length != 4 || elementText.Length != 4
            || !ushort.TryParse(groupText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var group)
            || !ushort.TryParse(elementText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var element))
        {
            return false;
        }

        tag = new DicomTag(group, element);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(DicomTag other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DicomTag other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Value;

    /// <inheritdoc/>
    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj is DicomTag other ? CompareTo(other) : 1;

    /// <summary>"(gggg,eeee)" in upper-case hexadecimal.</summary>
    public override string ToString() => string.Create(11, Value, static (span, value) =>
    {
        span[0] = '(';
        ((ushort)(value >> 16)).TryFormat(span[1..], out _, "X4", CultureInfo.InvariantCulture);
        span[5] = ',';
        ((ushort)value).TryFormat(span[6..], out _, "X4", CultureInfo.InvariantCulture);
        span[10] = ')';
    });

    /// <summary>Equality by value.</summary>
    public static bool operator ==(DicomTag left, DicomTag right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(DicomTag left, DicomTag right) => !left.Equals(right);

    /// <summary>Ordering by (group, element).</summary>
    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    /// <summary>Ordering by (group, element).</summary>
    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    /// <summary>Ordering by (group, element).</summary>
    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    /// <summary>Ordering by (group, element).</summary>
    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;
}
