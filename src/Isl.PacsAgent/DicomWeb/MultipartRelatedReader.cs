using Microsoft.AspNetCore.WebUtilities;

namespace Isl.PacsAgent.DicomWeb;

/// <summary>
/// Reads the parts of a multipart/related body (RFC 2046, RFC 2387) one at a time with ASP.NET Core's
/// <see cref="MultipartReader"/>, holding no more than one part in memory. The response's Content-Type is parsed by the
/// lenient <see cref="MediaType"/> (Orthanc quotes ';' and '=' inside <c>type</c>); the body is read as the RFC has it
/// (CRLF line ends; a preamble and transport padding after a boundary are tolerated). Every failure is a
/// <see cref="DicomWebException"/> that says what is wrong: no boundary line, a truncated part, an oversize part or
/// header block.
/// </summary>
public sealed class MultipartRelatedReader
{
    /// <summary>The most header bytes one part may carry.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    private readonly MultipartReader reader;
    private readonly long maxPartLength;
    private bool started;

    /// <summary>Creates a reader for <paramref name="boundary"/>; a part longer than <paramref name="maxPartLength"/> bytes is refused.</summary>
    public MultipartRelatedReader(Stream stream, string boundary, long maxPartLength = 2L * 1024 * 1024 * 1024)
    {
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            throw new DicomWebException($"The multipart boundary '{boundary}' is empty or longer than 200 characters.");
        }

        this.maxPartLength = maxPartLength;
        reader = new MultipartReader(boundary, stream)
        {
            HeadersLengthLimit = MaxHeaderBytes,
            BodyLengthLimit = maxPartLength,
        };
    }

    /// <summary>Creates a reader from a response's Content-Type, which must be multipart with a boundary.</summary>
    public static MultipartRelatedReader Create(Stream stream, string contentType, long maxPartLength = 2L * 1024 * 1024 * 1024)
    {
        var media = MediaType.Parse(contentType);
        if (!media.Type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            throw new DicomWebException($"Expected a multipart response but got '{contentType}'.");
        }

        var boundary = media.GetParameter("boundary") ?? throw new DicomWebException($"The Content-Type '{contentType}' has no boundary.");
        return new MultipartRelatedReader(stream, boundary, maxPartLength);
    }

    /// <summary>Reads every remaining part.</summary>
    public async IAsyncEnumerable<MultipartPart> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadNextPartAsync(cancellationToken).ConfigureAwait(false) is { } part)
        {
            yield return part;
        }
    }

    /// <summary>The next part, or null after the close delimiter.</summary>
    public async Task<MultipartPart?> ReadNextPartAsync(CancellationToken cancellationToken = default)
    {
        var first = !started;
        started = true;
        MultipartSection? section;
        try
        {
            section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (first)
        {
            throw new DicomWebException("The multipart body holds no boundary line: it is empty or not multipart.", ex);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw Refused(ex);
        }

        if (section is null)
        {
            return null;
        }

        var headers = (section.Headers ?? []).ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        using var content = new MemoryStream();
        try
        {
            await section.Body.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw Refused(ex);
        }

        return new MultipartPart(headers, content.ToArray());
    }

    private DicomWebException Refused(Exception ex) => ex switch
    {
        InvalidDataException when ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) =>
            new DicomWebException($"A multipart part exceeds the limit of {maxPartLength} bytes.", ex),
        InvalidDataException => new DicomWebException($"A multipart part's headers are malformed or exceed {MaxHeaderBytes / 1024} KiB: {ex.Message}", ex),
        _ => new DicomWebException("The multipart body ends inside a part: its closing boundary is missing (truncated response?).", ex),
    };
}
