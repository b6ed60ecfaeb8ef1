namespace Isl.Dicom.Network.Client;

/// <summary>One instance to send: a Part 10 file (sent as its bytes, no re-encoding) or an in-memory data set.</summary>
public sealed class StoreItem
{
    private readonly DicomDataset? _dataset;

    private StoreItem(string source, string? path, DicomDataset? dataset, DicomTransferSyntax? syntax)
    {
        Source = source;
        FilePath = path;
        _dataset = dataset;
        TransferSyntax = syntax;
    }

    /// <summary>The file path or a description.</summary>
    public string Source { get; }

    /// <summary>The file to send, if this item is a file.</summary>
    public string? FilePath { get; }

    /// <summary>The SOP class (known once prepared).</summary>
    public string? SopClassUid { get; private set; }

    /// <summary>The SOP instance (known once prepared).</summary>
    public string? SopInstanceUid { get; private set; }

    /// <summary>The transfer syntax the data set bytes are in.</summary>
    public DicomTransferSyntax? TransferSyntax { get; private set; }

    internal long DatasetOffset { get; private set; }

    internal long DatasetLength { get; private set; }

    /// <summary>A Part 10 file.</summary>
    public static StoreItem FromFile(string path) => new(path, path, null, null);

    /// <summary>A data set to send in <paramref name="syntax"/> (uncompressed syntaxes, or pixel data already encapsulated in it).</summary>
    public static StoreItem FromDataset(DicomDataset dataset, DicomTransferSyntax syntax, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var item = new StoreItem(description ?? dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) ?? "data set", null, dataset, syntax)
        {
            SopClassUid = dataset.GetString(DicomTags.SOPClassUID),
            SopInstanceUid = dataset.GetString(DicomTags.SOPInstanceUID),
        };
        return item;
    }

    /// <summary>Reads the file's meta information and finds where its data set starts.</summary>
    /// <exception cref="DicomException">The file is not readable DICOM.</exception>
    internal void Prepare()
    {
        if (FilePath is null || SopClassUid is not null)
        {
            return;
        }

        var file = DicomFile.Open(FilePath, new DicomReadOptions { StopAtTag = DicomTags.PixelData });
        SopClassUid = file.FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPClassUID) ?? file.Dataset.GetString(DicomTags.SOPClassUID);
        SopInstanceUid = file.FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPInstanceUID) ?? file.Dataset.GetString(DicomTags.SOPInstanceUID);
        TransferSyntax = file.TransferSyntax;
        DatasetOffset = Part10Layout.DatasetOffset(FilePath);
        DatasetLength = DatasetOffset < 0 ? -1 : new FileInfo(FilePath).Length - DatasetOffset;
    }

    /// <summary>Opens the data set bytes in <paramref name="syntax"/>: the file's bytes as they are when the syntax matches, else re-encoded.</summary>
    /// <exception cref="DicomNotSupportedException">The data set would need transcoding of compressed pixel data.</exception>
    internal (Stream Stream, long Length) OpenDataset(DicomTransferSyntax syntax)
    {
        if (FilePath is not null && syntax == TransferSyntax && DatasetOffset >= 0)
        {
            var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            stream.Position = DatasetOffset;
            return (stream, DatasetLength);
        }

        var source = TransferSyntax ?? syntax;
        if (source != syntax && (source.IsEncapsulated || syntax.IsEncapsulated))
        {
            throw new DicomNotSupportedException($"Sending {source} as {syntax} needs pixel transcoding, which the SCU does not do.");
        }

        var dataset = _dataset ?? DicomFile.Open(FilePath!).Dataset;
        var bytes = DicomDatasetWriter.Encode(dataset, syntax);
        return (new MemoryStream(bytes, writable: false), bytes.Length);
    }
}
