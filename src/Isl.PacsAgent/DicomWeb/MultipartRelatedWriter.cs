using System.Text;

namespace Isl.PacsAgent.DicomWeb;

/// <summary>Writes multipart/related bodies (STOW-RS requests): each part with its Content-Type, CRLF line ends, a close delimiter.</summary>
public static class MultipartRelatedWriter
{
    /// <summary>A fresh boundary that cannot occur in a DICOM file by chance.</summary>
    public static string NewBoundary() => "isl-" + Guid.NewGuid().ToString("N");

    /// <summary>The Content-Type of a body written with <paramref name="boundary"/> whose parts are <paramref name="relatedType"/>.</summary>
    public static string ContentType(string boundary, string relatedType = "application/dicom") =>
        $"multipart/related; type=\"{relatedType}\"; boundary={boundary}";

    /// <summary>Writes the parts; each part's content is produced by its <c>open</c> function and copied.</summary>
    public static async Task WriteAsync(Stream output, string boundary, IEnumerable<(string ContentType, Func<Stream> Open)> parts, CancellationToken cancellationToken = default)
    {
        foreach (var (contentType, open) in parts)
        {
            await WriteAsciiAsync(output, $"--{boundary}\r\nContent-Type: {contentType}\r\n\r\n", cancellationToken).ConfigureAwait(false);
            var content = open();
            await using (content.ConfigureAwait(false))
            {
                await content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }

            await WriteAsciiAsync(output, "\r\n", cancellationToken).ConfigureAwait(false);
        }

        await WriteAsciiAsync(output, $"--{boundary}--\r\n", cancellationToken).ConfigureAwait(false);
    }

    private static ValueTask WriteAsciiAsync(Stream output, string text, CancellationToken cancellationToken) =>
        output.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
}
