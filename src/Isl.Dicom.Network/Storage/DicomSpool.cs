namespace Isl.Dicom.Network.Storage;

/// <summary>
/// The durable spool of received instances, the one writer of spool files. Each instance is written into a temporary
/// file under <c>.incoming</c> (Part 10 meta + the received data set bytes, never re-encoded), fsynced, renamed to its
/// <see cref="SpoolLayout"/> path and its directory fsynced before it counts as stored. The spool keeps no index: the files are the truth, and cataloguing them is the application's.
/// Nothing about the folders is cached: one removed while the receiver runs is created again by the next store.
/// </summary>
public sealed class DicomSpool
{
    private int _expectedDatasetLength = 64 * 1024;

    /// <summary>Opens the spool at <paramref name="root"/>, creating it, and discards unacknowledged partial files left by a crash.</summary>
    public DicomSpool(string root)
    {
        Root = Path.GetFullPath(root);
        IncomingDirectory = Path.Combine(Root, SpoolLayout.IncomingFolder);
        EnsureDirectory(IncomingDirectory);
        foreach (var stale in Directory.EnumerateFiles(IncomingDirectory, "*.part"))
        {
            File.Delete(stale);
        }
    }

    /// <summary>The spool's root folder.</summary>
    public string Root { get; }

    internal string IncomingDirectory { get; }

    /// <summary>
    /// The length of the last data set received (at most 64 MiB): the buffer a new instance starts with, so that a series
    /// of same-sized slices is received into one allocation of the right size each.
    /// </summary>
    internal int ExpectedDatasetLength
    {
        get => Volatile.Read(ref _expectedDatasetLength);
        set => Volatile.Write(ref _expectedDatasetLength, Math.Min(value, 64 * 1024 * 1024));
    }


    /// <summary>Free bytes on the spool's file system.</summary>
    public long AvailableFreeSpace => new DriveInfo(Root).AvailableFreeSpace;

    /// <summary>Starts receiving one instance: creates its temporary file and writes the Part 10 meta information.</summary>
    /// <param name="sopClassUid">The SOP class (from the C-STORE command).</param>
    /// <param name="sopInstanceUid">The SOP instance (from the C-STORE command).</param>
    /// <param name="transferSyntaxUid">The negotiated transfer syntax of the data set bytes to follow.</param>
    /// <param name="callingAeTitle">The sender, recorded as Source Application Entity Title.</param>
    public IncomingInstance Begin(string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string callingAeTitle)
    {
        var meta = new DicomDataset()
            .SetBytes(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 })
            .Set(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, sopClassUid)
            .Set(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstanceUid)
            .Set(DicomTags.TransferSyntaxUID, DicomVR.UI, transferSyntaxUid)
            .Set(DicomTags.ImplementationClassUID, DicomVR.UI, NetworkImplementation.ClassUid)
            .Set(DicomTags.ImplementationVersionName, DicomVR.SH, NetworkImplementation.VersionName);
        if (callingAeTitle.Length > 0)
        {
            meta.Set(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, callingAeTitle);
        }

        var tempPath = Path.Combine(IncomingDirectory, $"{Guid.NewGuid():N}.part");
        FileStream stream;
        try
        {
            stream = CreateTemporary(tempPath);
        }
        catch (DirectoryNotFoundException)
        {
            EnsureDirectory(IncomingDirectory);
            stream = CreateTemporary(tempPath);
        }

        try
        {
            using var header = new MemoryStream(512);
            DicomDatasetWriter.WriteFileMetaInformation(header, meta);
            stream.Write(header.GetBuffer(), 0, (int)header.Length);
            return new IncomingInstance(this, tempPath, stream, sopClassUid, sopInstanceUid, DicomTransferSyntax.Lookup(transferSyntaxUid), callingAeTitle);
        }
        catch
        {
            stream.Dispose();
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>The final path of an instance.</summary>
    public string PathOf(string? studyInstanceUid, string? seriesInstanceUid, string sopInstanceUid) =>
        SpoolLayout.PathOf(Root, studyInstanceUid, seriesInstanceUid, sopInstanceUid);

    /// <summary>
    /// Stores a complete Part 10 file that arrived whole (e.g. a WADO-RS part) durably at its layout path: written under
    /// <c>.incoming</c>, fsynced, renamed into place, its folder fsynced. Returns the final path.
    /// </summary>
    /// <exception cref="IOException">The file could not be written durably (nothing is left behind).</exception>
    public string StoreFile(ReadOnlySpan<byte> part10File, string studyInstanceUid, string seriesInstanceUid, string sopInstanceUid)
    {
        var tempPath = Path.Combine(IncomingDirectory, $"{Guid.NewGuid():N}.part");
        try
        {
            EnsureDirectory(IncomingDirectory);
            using (var stream = CreateTemporary(tempPath))
            {
                stream.Write(part10File);
                stream.Flush(flushToDisk: true);
            }

            var finalPath = PathOf(studyInstanceUid, seriesInstanceUid, sopInstanceUid);
            Durability.SyncDirectory(MoveIntoPlace(tempPath, finalPath));
            return finalPath;
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>Renames a durable temporary file to its final path, creating the folders on the way; returns the final folder.</summary>
    internal string MoveIntoPlace(string tempPath, string finalPath)
    {
        var directory = Path.GetDirectoryName(finalPath)!;
        EnsureDirectory(directory);
        try
        {
            File.Move(tempPath, finalPath, overwrite: true);
        }
        catch (DirectoryNotFoundException) when (File.Exists(tempPath))
        {
            // The folder was removed between the check and the rename: create it again, once.
            EnsureDirectory(directory);
            File.Move(tempPath, finalPath, overwrite: true);
        }

        return directory;
    }

    /// <summary>Creates a directory (and missing parents), fsyncing each parent that gained an entry.</summary>
    internal static void EnsureDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        var parent = Path.GetDirectoryName(directory);
        if (parent is not null)
        {
            EnsureDirectory(parent);
        }

        Directory.CreateDirectory(directory);
        if (parent is not null)
        {
            Durability.SyncDirectory(parent);
        }
    }

    private static FileStream CreateTemporary(string path) =>
        new(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
}
