using System.Globalization;

namespace Isl.Dicom.Values;

/// <summary>Parses and formats DA, TM and DT values (tolerating the old ACR-NEMA "YYYY.MM.DD" and "HH:MM:SS" forms).</summary>
internal static class DicomDateTimeText
{
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        text = text.Trim();
        if (text.Length == 10 && text[4] == '.' && text[7] == '.')
        {
            return DateOnly.TryParseExact(text, "yyyy.MM.dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        return text.Length >= 8 && DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryParseTime(ReadOnlySpan<char> text, out TimeOnly time)
    {
        time = default;
        text = text.Trim();
        Span<char> compact = stackalloc char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c != ':')
            {
                compact[length++] = c;
            }
        }

        var value = compact[..length];
        if (length < 2 || !int.TryParse(value[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23)
        {
            return false;
        }

        int minute = 0, second = 0;
        long ticks = 0;
        if (length >= 4 && (!int.TryParse(value[2..4], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59))
        {
            return false;
        }

        if (length >= 6 && (!int.TryParse(value[4..6], NumberStyles.None, CultureInfo.InvariantCulture, out second) || second > 60))
        {
            return false;
        }

        if (length > 7 && value[6] == '.')
        {
            var fraction = value[7..];
            if (fraction.Length > 6 || !int.TryParse(fraction, NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
            {
                return false;
            }

            ticks = digits * (long)Math.Pow(10, 7 - fraction.Length);
        }
        else if (length != 2 && length != 4 && length != 6 && !(length == 7 && value[6] == '.'))
        {
            return false;
        }

        time = new TimeOnly(hour, minute, Math.Min(second, 59)).Add(TimeSpan.FromTicks(ticks));
        return true;
    }

    public static bool TryParseDateTime(ReadOnlySpan<char> text, out DateTime dateTime)
    {
        dateTime = default;
        text = text.Trim();
        var sign = text.IndexOfAny('+', '-');
        if (sign > 0)
        {
            text = text[..sign];
        }

        if (text.Length < 4 || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        int month = 1, day = 1;
        if (text.Length >= 6 && (!int.TryParse(text[4..6], NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12))
        {
            return false;
        }

        if (text.Length >= 8 && (!int.TryParse(text[6..8], NumberStyles.None, CultureInfo.InvariantCulture, out day) || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return false;
        }

        var time = TimeOnly.MinValue;
        if (text.Length > 8 && !TryParseTime(text[8..], out time))
        {
            return false;
        }

        dateTime = new DateOnly(year, month, day).ToDateTime(time);
        return true;
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string FormatTime(TimeOnly time) => time.Ticks % TimeSpan.TicksPerSecond == 0
        ? time.ToString("HHmmss", CultureInfo.InvariantCulture)
        : time.ToString("HHmmss.ffffff", CultureInfo.InvariantCulture);

    public static string FormatDateTime(DateTime dateTime) => FormatDate(DateOnly.FromDateTime(dateTime)) + FormatTime(TimeOnly.FromDateTime(dateTime));
}
