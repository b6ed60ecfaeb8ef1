using Isl.Dicom.IO;

namespace Isl.Dicom;

/// <summary>A DICOM Part 10 file: file meta information (group 0002) and a dataset in a transfer syntax.</summary>
public sealed class DicomFile
{
    private const int FirstChunk = 16 * 1024;

    /// <summary>Creates a file for a dataset, building the meta information (SOP class/instance from the dataset, our implementation UID).</summary>
    public DicomFile(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        Dataset = dataset;
        TransferSyntax = syntax;
        FileMetaInformation = DicomFileMeta.Create(dataset, syntax);
    }

    internal DicomFile(DicomDataset meta, DicomDataset dataset, DicomTransferSyntax syntax)
    {
        FileMetaInformation = meta;
        Dataset = dataset;
        TransferSyntax = syntax;
    }

    /// <summary>The file meta information (group 0002).</summary>
    public DicomDataset FileMetaInformation { get; }

    /// <summary>The dataset.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax of the dataset (from the meta information, or detected).</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>Reads a file. With <see cref="DicomReadOptions.StopAtTag"/>, only the bytes up to that tag are read from disk.</summary>
    /// <exception cref="DicomParseException">The file is malformed.</exception>
    public static DicomFile Open(string path, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DicomReadOptions.Default;
        if (options.StopAtTag is null)
        {
            var bytes = File.ReadAllBytes(path);
            return DicomFileParser.Parse(bytes, bytes.Length, true, options);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, options);
    }

    /// <summary>Reads a file from a stream (from its current position).</summary>
    /// <exception cref="DicomParseException">The input is malformed.</exception>
    public static DicomFile Read(Stream stream, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= DicomReadOptions.Default;
        var buffer = new byte[InitialSize(stream, options)];
        var length = 0;
        var complete = false;
        while (true)
        {
            while (length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    complete = true;
                    break;
                }

                length += read;
            }

            if (!complete && options.StopAtTag is null)
            {
                buffer = Grow(buffer, stream, length);
                continue;
            }

            try
            {
                return DicomFileParser.Parse(buffer, length, complete, options);
            }
            catch (NeedMoreDataException)
            {
                buffer = Grow(buffer, stream, length);
            }
        }
    }

    /// <summary>Reads a file asynchronously.</summary>
    public static async Task<DicomFile> OpenAsync(string path, DicomReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DicomReadOptions.Default;
        if (options.StopAtTag is null)
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return DicomFileParser.Parse(bytes, bytes.Length, true, options);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a file from a stream asynchronously.</summary>
    public static async Task<DicomFile> ReadAsync(Stream stream, DicomReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= DicomReadOptions.Default;
        var buffer = new byte[InitialSize(stream, options)];
        var length = 0;
        var complete = false;
        while (true)
        {
            while (length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    complete = true;
                    break;
                }

                length += read;
            }

            if (!complete && options.StopAtTag is null)
            {
                buffer = Grow(buffer, stream, length);
                continue;
            }

            try
            {
                return DicomFileParser.Parse(buffer, length, complete, options);
            }
            catch (NeedMoreDataException)
            {
                buffer = Grow(buffer, stream, length);
            }
        }
    }

    /// <summary>Writes the file (preamble, meta information, dataset in <see cref="TransferSyntax"/>).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        Save(stream);
    }

    /// <summary>Writes the file to a stream.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        FileMetaInformation.Set(DicomTags.TransferSyntaxUID, DicomVR.UI, TransferSyntax.Uid);
        DicomDatasetWriter.WriteFileMetaInformation(stream, FileMetaInformation);
        DicomDatasetWriter.Write(stream, Dataset, TransferSyntax);
    }

    /// <summary>Writes the file asynchronously (encoded in memory, then written).</summary>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var memory = new MemoryStream();
        Save(memory);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(memory.GetBuffer().AsMemory(0, (int)memory.Length), cancellationToken).ConfigureAwait(false);
        }
    }

    private static int InitialSize(Stream stream, DicomReadOptions options)
    {
        long remaining = -1;
        if (stream.CanSeek)
        {
            remaining = Math.Max(0, stream.Length - stream.Position);
        }

        if (options.StopAtTag is not null)
        {
            return remaining >= 0 ? (int)Math.Min(remaining + 1, FirstChunk) : FirstChunk;
        }

        if (remaining > Array.MaxLength - 1)
        {
            throw new DicomParseException($"The input is too large ({remaining} bytes).");
        }

        return remaining >= 0 ? (int)remaining + 1 : 64 * 1024;
    }

    private static byte[] Grow(byte[] buffer, Stream stream, int length)
    {
        long wanted = (long)buffer.Length * 2;
        if (stream.CanSeek)
        {
            wanted = Math.Min(wanted, length + Math.Max(0, stream.Length - stream.Position) + 1);
        }

        if (wanted > Array.MaxLength)
        {
            throw new DicomParseException($"The input is too large (over {length} bytes).");
        }

        var larger = new byte[Math.Max(wanted, buffer.Length + 1)];
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        return larger;
    }
}
