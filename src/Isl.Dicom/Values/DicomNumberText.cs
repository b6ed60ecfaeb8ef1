using System.Globalization;

namespace Isl.Dicom.Values;

/// <summary>DS and IS text rules: parsing tolerant of padding, formatting within 16 bytes.</summary>
internal static class DicomNumberText
{
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // Some writers put a decimal point into IS ("12.0"); accept integral values.
        if (TryParseDouble(text, out var real) && real == Math.Round(real) && Math.Abs(real) < 9.2e18)
        {
            value = (long)real;
            return true;
        }

        return false;
    }

    /// <summary>Formats a double as a DS value of at most 16 characters, as precise as fits.</summary>
    public static string FormatDecimalString(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new DicomDataException($"The value {value} cannot be written as a Decimal String (DS).");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        for (var precision = 15; text.Length > 16 && precision > 0; precision--)
        {
            text = value.ToString("G" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>Formats an integer as an IS value (12 characters at most: -2^31..2^31-1).</summary>
    public static string FormatIntegerString(long value)
    {
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new DicomDataException($"The value {value} is out of range for an Integer String (IS).");
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
