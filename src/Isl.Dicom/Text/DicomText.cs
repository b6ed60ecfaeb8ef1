using System.Text;

namespace Isl.Dicom.Text;

/// <summary>Trimming, splitting and encoding of DICOM text values.</summary>
internal static class DicomText
{
    /// <summary>Removes trailing spaces and NULs (and leading spaces for VRs where they are insignificant).</summary>
    public static ReadOnlySpan<byte> TrimValue(ReadOnlySpan<byte> value, DicomVR vr)
    {
        var end = value.Length;
        while (end > 0 && (value[end - 1] == (byte)' ' || value[end - 1] == 0))
        {
            end--;
        }

        var start = 0;
        if (vr is not (DicomVR.LT or DicomVR.ST or DicomVR.UT))
        {
            while (start < end && value[start] == (byte)' ')
            {
                start++;
            }
        }

        return value[start..end];
    }

    public static string Decode(ReadOnlySpan<byte> value, DicomVR vr, Encoding encoding)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        return DicomVRInfo.UsesSpecificCharacterSet(vr) ? encoding.GetString(value) : Encoding.Latin1.GetString(value);
    }

    /// <summary>The <paramref name="index"/>-th backslash-separated component of an ASCII value, trimmed.</summary>
    public static bool TryGetComponent(ReadOnlySpan<byte> value, int index, out ReadOnlySpan<byte> component)
    {
        var current = 0;
        while (true)
        {
            var separator = value.IndexOf((byte)'\\');
            var part = separator < 0 ? value : value[..separator];
            if (current == index)
            {
                component = part.Trim((byte)' ').Trim((byte)0);
                return true;
            }

            if (separator < 0)
            {
                component = default;
                return false;
            }

            value = value[(separator + 1)..];
            current++;
        }
    }

    public static int CountComponents(ReadOnlySpan<byte> value) => value.IsEmpty ? 0 : value.Count((byte)'\\') + 1;

    /// <summary>Encodes text and pads it to even length with the VR's padding byte.</summary>
    public static byte[] EncodePadded(string text, DicomVR vr, Encoding encoding)
    {
        var useCharacterSet = DicomVRInfo.UsesSpecificCharacterSet(vr);
        if (!useCharacterSet || ReferenceEquals(encoding, DicomCharacterSets.Default))
        {
            foreach (var c in text)
            {
                if (c > 0x7F && (!useCharacterSet || c > 0xFF))
                {
                    throw new DicomDataException(useCharacterSet
                        ? $"The text '{text}' needs a Specific Character Set (0008,0005); set it (e.g. ISO_IR 192) before the value."
                        : $"The text '{text}' is not valid for VR {vr}, which allows only ASCII.");
                }
            }
        }

        var effective = useCharacterSet ? encoding : Encoding.ASCII;
        var length = effective.GetByteCount(text);
        var bytes = new byte[length + (length & 1)];
        effective.GetBytes(text, bytes);
        if ((length & 1) == 1)
        {
            bytes[^1] = DicomVRInfo.PaddingByte(vr);
        }

        return bytes;
    }
}
