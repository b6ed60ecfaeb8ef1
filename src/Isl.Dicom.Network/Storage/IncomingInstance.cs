namespace Isl.Dicom.Network.Storage;

/// <summary>An instance being received into the spool: data set bytes are appended as they arrive.</summary>
public sealed class IncomingInstance : IDisposable
{
    private readonly DicomSpool _spool;
    private readonly string _tempPath;
    private readonly long _metaLength;
    private readonly DicomTransferSyntax _transferSyntax;
    private FileStream? _stream;

    internal IncomingInstance(DicomSpool spool, string tempPath, FileStream stream, long metaLength, string sopClassUid, string sopInstanceUid, DicomTransferSyntax transferSyntax, string callingAeTitle)
    {
        _spool = spool;
        _tempPath = tempPath;
        _stream = stream;
        _metaLength = metaLength;
        _transferSyntax = transferSyntax;
        SopClassUid = sopClassUid;
        SopInstanceUid = sopInstanceUid;
        CallingAeTitle = callingAeTitle;
    }

    /// <summary>The SOP class from the command.</summary>
    public string SopClassUid { get; }

    /// <summary>The SOP instance from the command.</summary>
    public string SopInstanceUid { get; }

    /// <summary>The sender.</summary>
    public string CallingAeTitle { get; }

    /// <summary>Data set bytes received so far.</summary>
    public long DatasetLength { get; private set; }

    /// <summary>Appends received data set bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        var stream = _stream ?? throw new InvalidOperationException("The instance is already committed or discarded.");
        stream.Write(bytes);
        DatasetLength += bytes.Length;
    }

    /// <summary>
    /// Makes the instance durable: fsync the file, parse the whole data set and check it (see <see cref="ReceivedDatasetCheck"/>),
    /// rename it into place, fsync the directory, record it in the index. Only after this returns may the sender be told Success.
    /// </summary>
    /// <exception cref="InstanceRejectedException">The data set must not be acknowledged; its status says why (the file is discarded).</exception>
    /// <exception cref="IOException">The file could not be written durably (the file is discarded).</exception>
    public async Task<ReceivedInstance> CommitAsync(CancellationToken cancellationToken = default)
    {
        var stream = _stream ?? throw new InvalidOperationException("The instance is already committed or discarded.");
        try
        {
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync().ConfigureAwait(false);
            _stream = null;
            var header = ReceivedDatasetCheck.Verify(ReadDatasetBytes(), _transferSyntax, SopClassUid, SopInstanceUid);
            var finalPath = _spool.PathOf(
                header.GetStringOrDefault(DicomTags.StudyInstanceUID),
                header.GetStringOrDefault(DicomTags.SeriesInstanceUID),
                SopInstanceUid);
            var directory = _spool.MoveIntoPlace(_tempPath, finalPath);
            Durability.SyncDirectory(directory);
            var instance = new ReceivedInstance(
                header.GetStringOrDefault(DicomTags.StudyInstanceUID) ?? string.Empty,
                header.GetStringOrDefault(DicomTags.SeriesInstanceUID) ?? string.Empty,
                SopInstanceUid,
                SopClassUid,
                finalPath,
                CallingAeTitle,
                DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            if (_spool.Index is { } index)
            {
                await index.RecordAsync(instance, cancellationToken).ConfigureAwait(false);
            }

            return instance;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Discards the instance unless it was committed.</summary>
    public void Dispose()
    {
        if (_stream is null && !File.Exists(_tempPath))
        {
            return;
        }

        _stream?.Dispose();
        _stream = null;
        try
        {
            File.Delete(_tempPath);
        }
        catch (IOException)
        {
        }
    }

    private byte[] ReadDatasetBytes()
    {
        if (DatasetLength > Array.MaxLength)
        {
            throw new InstanceRejectedException(Dimse.DimseStatus.OutOfResources, $"a data set of {DatasetLength} bytes is too large to be checked");
        }

        var bytes = new byte[DatasetLength];
        using var stream = new FileStream(_tempPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        stream.Position = _metaLength;
        stream.ReadExactly(bytes);
        return bytes;
    }
}
