using System.Security.Cryptography;
using System.Text;

namespace Isl.Dicom.Network.Storage;

/// <summary>Where an instance lives in the spool: <c>ROOT/STUDY/SERIES/SOPINSTANCE.dcm</c>, each part a safe file name.</summary>
internal static class SpoolLayout
{
    public const string IncomingFolder = ".incoming";

    /// <summary>A UID as a path component: kept when it is a plain UID, otherwise a hash (no traversal, no odd characters).</summary>
    public static string SafeComponent(string? uid, string fallback)
    {
        if (string.IsNullOrEmpty(uid))
        {
            return fallback;
        }

        if (uid.Length <= 64 && uid.All(c => char.IsAsciiDigit(c) || c == '.') && uid[0] != '.')
        {
            return uid;
        }

        return "x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uid)))[..40];
    }
}
