namespace Isl.Dicom.Network.Storage;

/// <summary>
/// An instance being received into the spool: data set bytes are appended to its temporary file as they arrive, and
/// kept in memory so that the check at commit parses them without reading the file back.
/// </summary>
public sealed class IncomingInstance : IDisposable
{
    private readonly DicomSpool _spool;
    private readonly string _tempPath;
    private readonly DicomTransferSyntax _transferSyntax;
    private readonly MemoryStream _received;
    private FileStream? _stream;

    internal IncomingInstance(DicomSpool spool, string tempPath, FileStream stream, string sopClassUid, string sopInstanceUid, DicomTransferSyntax transferSyntax, string callingAeTitle)
    {
        _spool = spool;
        _received = new MemoryStream(spool.ExpectedDatasetLength);
        _tempPath = tempPath;
        _stream = stream;
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
        if (DatasetLength + bytes.Length > Array.MaxLength)
        {
            throw new IOException($"a data set of more than {Array.MaxLength} bytes cannot be checked");
        }

        stream.Write(bytes);
        _received.Write(bytes);
        DatasetLength += bytes.Length;
    }

    /// <summary>
    /// Makes the instance durable: fsync the file, parse and check the whole data set from memory (see
    /// <see cref="ReceivedDatasetCheck"/>), rename the file into place, fsync its directory. Only after this returns may
    /// the sender be told Success. (Concurrent associations' fsyncs share the file system's journal commits; handing the
    /// syncs to other threads to overlap or group them measured slower on a loaded machine, every hop waiting for a core.)
    /// </summary>
    /// <exception cref="InstanceRejectedException">The data set must not be acknowledged; its status says why (the file is discarded).</exception>
    /// <exception cref="IOException">The file could not be written durably (the file is discarded).</exception>
    public async Task<ReceivedInstance> CommitAsync(CancellationToken cancellationToken = default)
    {
        var stream = _stream ?? throw new InvalidOperationException("The instance is already committed or discarded.");
        try
        {
            stream.Flush(flushToDisk: true);
            DicomDataset dataset;
            try
            {
                // A buffer of the expected length holds exactly the data set: parsed in place, not copied.
                var bytes = _received.Length == _received.Capacity ? _received.GetBuffer() : _received.ToArray();
                _spool.ExpectedDatasetLength = bytes.Length;
                dataset = ReceivedDatasetCheck.Verify(bytes, _transferSyntax, SopClassUid, SopInstanceUid);
            }
            finally
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                _stream = null;
            }

            var study = dataset.GetString(DicomTags.StudyInstanceUID);
            var series = dataset.GetString(DicomTags.SeriesInstanceUID);
            var finalPath = _spool.PathOf(study, series, SopInstanceUid);
            var directory = _spool.MoveIntoPlace(_tempPath, finalPath);
            Durability.SyncDirectory(directory);
            return new ReceivedInstance(
                study,
                series,
                SopInstanceUid,
                SopClassUid,
                finalPath,
                CallingAeTitle,
                DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
                dataset);
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
        _received.Dispose();
        try
        {
            File.Delete(_tempPath);
        }
        catch (IOException)
        {
        }
    }
}
