using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Isl.Dicom;

/// <summary>UID generation and validation (PS3.5 9 and B.2: the "2.25." + UUID form).</summary>
public static class DicomUid
{
    /// <summary>The root of UUID-derived UIDs.</summary>
    public const string UuidRoot = "2.25.";

    /// <summary>A new random UID, "2.25." followed by a random UUID as a decimal number.</summary>
    public static string Generate() => FromUuid(Guid.NewGuid());

    /// <summary>
    /// A deterministic UID from input strings: the first 128 bits of the SHA-256 of the parts (length-prefixed),
    /// shaped as a version 8 UUID, as "2.25." + decimal. The same parts always give the same UID.
    /// </summary>
    public static string FromName(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
            builder.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append(';');
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return UuidRoot + ToUInt128(hash[..16]).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The UID of a UUID ("2.25." + its 128-bit value in decimal).</summary>
    public static string FromUuid(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        return UuidRoot + ToUInt128(bytes).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True for a syntactically valid UID: at most 64 characters, digits and dots, no empty component, no leading zero.</summary>
    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > 64)
        {
            return false;
        }

        var componentStart = 0;
        for (var i = 0; i <= uid.Length; i++)
        {
            if (i == uid.Length || uid[i] == '.')
            {
                var componentLength = i - componentStart;
                if (componentLength == 0 || (componentLength > 1 && uid[componentStart] == '0'))
                {
                    return false;
                }

                componentStart = i + 1;
            }
            else if (uid[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return uid.Contains('.', StringComparison.Ordinal);
    }

    private static UInt128 ToUInt128(ReadOnlySpan<byte> bigEndian)
    {
        UInt128 value = 0;
        foreach (var b in bigEndian)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
