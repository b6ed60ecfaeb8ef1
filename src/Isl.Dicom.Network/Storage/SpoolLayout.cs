using System.Security.Cryptography;
using System.Text;

namespace Isl.Dicom.Network.Storage;

/// <summary>
/// Where an instance lives in a spool: <c>ROOT/STUDY/SERIES/SOPINSTANCE.dcm</c>. The one rule for UIDs as file names: a
/// plain UID (digits and dots, at most 64 characters, not starting with a dot) is kept, anything else becomes a hash, so
/// no UID can traverse, collide with the <c>.incoming</c> folder or carry odd characters.
/// </summary>
public static class SpoolLayout
{
    /// <summary>The folder of a spool that holds files still being received (never catalogued).</summary>
    public const string IncomingFolder = ".incoming";

    /// <summary>The final path of an instance under <paramref name="root"/>.</summary>
    public static string PathOf(string root, string? studyInstanceUid, string? seriesInstanceUid, string sopInstanceUid) => Path.Combine(
        root,
        SafeComponent(studyInstanceUid, "unknown-study"),
        SafeComponent(seriesInstanceUid, "unknown-series"),
        SafeComponent(sopInstanceUid, "unknown-instance") + ".dcm");

    /// <summary>Every stored instance file under <paramref name="root"/> (not the files still being received).</summary>
    public static IEnumerable<string> StoredFiles(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var incoming = Path.Combine(Path.GetFullPath(root), IncomingFolder) + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(root, "*.dcm", SearchOption.AllDirectories)
            .Where(path => !Path.GetFullPath(path).StartsWith(incoming, StringComparison.Ordinal));
    }

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
