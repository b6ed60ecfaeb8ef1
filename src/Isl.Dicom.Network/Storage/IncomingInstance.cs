using System.Buffers;

namespace Isl.Dicom.Network.Storage;

/// <summary>
/// An instance being received into the spool: its temporary file (Part 10 meta written) is open, and the data set bytes
/// gather in a pooled buffer as they arrive. At commit the buffer is written to the file in one call, fsynced and parsed
/// in place for the check, so nothing is read back. The buffer goes back to the pool when the instance is disposed: the
/// <see cref="ReceivedInstance.Dataset"/> a commit returns references it and is valid only until then (the server
/// disposes the instance once the application's <c>InstanceStored</c> callback has completed).
/// </summary>
public sealed class IncomingInstance : IDisposable
{
    private readonly DicomSpool _spool;
    private readonly string _tempPath;
    private readonly DicomTransferSyntax _transferSyntax;
    private byte[]? _buffer;
    private FileStream? _stream;

    internal IncomingInstance(DicomSpool spool, string tempPath, FileStream stream, string sopClassUid, string sopInstanceUid, DicomTransferSyntax transferSyntax, string callingAeTitle)
    {
        _spool = spool;
        _buffer = ArrayPool<byte>.Shared.Rent(spool.ExpectedDatasetLength);
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
        var buffer = _stream is null ? null : _buffer;
        if (buffer is null)
        {
            throw new InvalidOperationException("The instance is already committed or discarded.");
        }

        var length = (int)DatasetLength;
        if ((long)length + bytes.Length > Array.MaxLength)
        {
            throw new IOException($"a data set of more than {Array.MaxLength} bytes cannot be checked");
        }

        if (length + bytes.Length > buffer.Length)
        {
            // Grow geometrically from the pool (a series' next slice of the same size needs no growth: see ExpectedDatasetLength).
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)length + bytes.Length, 2L * buffer.Length)));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = larger;
        }

        bytes.CopyTo(buffer.AsSpan(length));
        DatasetLength += bytes.Length;
    }

    /// <summary>
    /// Makes the instance durable: write the data set to the file, fsync it, parse and check the whole data set from
    /// memory (see <see cref="ReceivedDatasetCheck"/>), rename the file into place, fsync its directory. Only after this returns may
    /// the sender be told Success. (Concurrent associations' fsyncs share the file system's journal commits; handing the
    /// syncs to other threads to overlap or group them measured slower on a loaded machine, every hop waiting for a core.)
    /// </summary>
    /// <exception cref="InstanceRejectedException">The data set must not be acknowledged; its status says why (the file is discarded).</exception>
    /// <exception cref="IOException">The file could not be written durably (the file is discarded).</exception>
    public async Task<ReceivedInstance> CommitAsync(CancellationToken cancellationToken = default)
    {
        var stream = _stream ?? throw new InvalidOperationException("The instance is already committed or discarded.");
        var buffer = _buffer!;
        var length = (int)DatasetLength;
        try
        {
            // One write of the whole data set (not one per P-DATA fragment), then the fsync that makes it durable.
            stream.Write(buffer, 0, length);
            stream.Flush(flushToDisk: true);
            DicomDataset dataset;
            try
            {
                _spool.ExpectedDatasetLength = length;
                dataset = ReceivedDatasetCheck.Verify(buffer, length, _transferSyntax, SopClassUid, SopInstanceUid);
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

    /// <summary>
    /// Returns the buffer to the pool (a committed instance's data set must no longer be used) and discards the
    /// instance unless it was committed.
    /// </summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

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
}
