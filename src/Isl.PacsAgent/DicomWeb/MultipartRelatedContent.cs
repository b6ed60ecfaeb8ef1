using System.Net;
using System.Net.Http.Headers;

namespace Isl.PacsAgent.DicomWeb;

/// <summary>An HTTP request body of DICOM Part 10 files as multipart/related; type="application/dicom" (STOW-RS), streamed from disk.</summary>
public sealed class MultipartRelatedContent : HttpContent
{
    private readonly IReadOnlyList<string> files;
    private readonly string boundary = MultipartRelatedWriter.NewBoundary();

    /// <summary>Creates the body for <paramref name="files"/>.</summary>
    public MultipartRelatedContent(IReadOnlyList<string> files)
    {
        this.files = files;
        Headers.ContentType = MediaTypeHeaderValue.Parse(MultipartRelatedWriter.ContentType(boundary));
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        MultipartRelatedWriter.WriteAsync(stream, boundary, files.Select(f => ("application/dicom", (Func<Stream>)(() => File.OpenRead(f)))), cancellationToken);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
