using Isl.Dicom.Network.Storage;

namespace Isl.PacsAgent.Ingest;

/// <summary>Writes instances into the spool durably (file and folder fsynced) before they are catalogued.</summary>
public static class SpoolFiles
{
    /// <summary>Writes <paramref name="bytes"/> to <c>{spool}/{source}/{study}/{sop}.dcm</c> atomically and durably; returns the path.</summary>
    public static string Write(string spoolRoot, string source, string studyInstanceUid, string sopInstanceUid, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.Combine(Path.GetFullPath(spoolRoot), source, SafeName(studyInstanceUid));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SafeName(sopInstanceUid) + ".dcm");
        var temporary = path + ".part";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        Durability.SyncDirectory(directory);
        return path;
    }

    private static string SafeName(string uid) =>
        uid.Length > 0 && uid.Length <= 64 && uid.All(c => c is (>= '0' and <= '9') or '.')
            ? uid
            : throw new ArgumentException($"'{uid}' is not a valid DICOM UID.", nameof(uid));
}
