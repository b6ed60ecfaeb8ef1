using System.Text;

namespace Isl.PacsAgent.DicomWeb;

/// <summary>
/// Reads the parts of a multipart/related body (RFC 2046, RFC 2387) from a stream, one at a time, without
/// holding more than one part in memory. Lenient where peers are: LF or CRLF line ends, transport padding
/// after a boundary, a preamble, a missing close delimiter at the end of the stream. Strict where it matters:
/// a part without a closing boundary, an oversize part or header block is a <see cref="DicomWebException"/>.
/// </summary>
public sealed class MultipartRelatedReader
{
    private const int MaxHeaderBytes = 64 * 1024;
    private readonly Stream stream;
    private readonly byte[] dashBoundary;
    private readonly byte[] delimiter;
    private readonly long maxPartLength;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool endOfStream;
    private bool started;
    private bool finished;

    /// <summary>Creates a reader for <paramref name="boundary"/>.</summary>
    public MultipartRelatedReader(Stream stream, string boundary, long maxPartLength = 2L * 1024 * 1024 * 1024)
    {
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            throw new DicomWebException($"The multipart boundary '{boundary}' is empty or longer than 200 characters.");
        }

        this.stream = stream;
        this.maxPartLength = maxPartLength;
        dashBoundary = Encoding.ASCII.GetBytes("--" + boundary);
        delimiter = Encoding.ASCII.GetBytes("\n--" + boundary);
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
        if (!started)
        {
            started = true;
            await SkipPreambleAsync(cancellationToken).ConfigureAwait(false);
        }

        if (finished)
        {
            return null;
        }

        var headers = await ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
        var content = await ReadContentAsync(cancellationToken).ConfigureAwait(false);
        return new MultipartPart(headers, content);
    }

    private async Task SkipPreambleAsync(CancellationToken cancellationToken)
    {
        long discarded = 0;
        while (true)
        {
            var window = buffer.AsSpan(start, end - start);
            var searchFrom = 0;
            while (true)
            {
                var index = window[searchFrom..].IndexOf(dashBoundary);
                if (index < 0)
                {
                    break;
                }

                index += searchFrom;
                if ((index == 0 && discarded == 0) || (index > 0 && window[index - 1] == (byte)'\n'))
                {
                    start += index + dashBoundary.Length;
                    await AfterDelimiterAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                searchFrom = index + 1;
            }

            if (endOfStream)
            {
                throw new DicomWebException("The multipart body holds no boundary line: it is empty or not multipart.");
            }

            var keep = dashBoundary.Length + 1;
            if (window.Length > keep)
            {
                discarded += window.Length - keep;
                start = end - keep;
            }

            if (discarded > 1024 * 1024)
            {
                throw new DicomWebException("The multipart preamble is longer than 1 MiB: the boundary is probably wrong.");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AfterDelimiterAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(2, cancellationToken).ConfigureAwait(false);
        if (end - start >= 2 && buffer[start] == '-' && buffer[start + 1] == '-')
        {
            finished = true;
            return;
        }

        while (true)
        {
            await EnsureAsync(1, cancellationToken).ConfigureAwait(false);
            if (end == start)
            {
                finished = true;
                return;
            }

            var b = buffer[start];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                start++;
            }
            else if (b == '\n')
            {
                start++;
                return;
            }
            else
            {
                throw new DicomWebException("A multipart boundary line is followed by unexpected characters.");
            }
        }
    }

    private async Task<Dictionary<string, string>> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastName = null;
        var total = 0;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            total += line.Length + 2;
            if (total > MaxHeaderBytes)
            {
                throw new DicomWebException("A multipart part's headers exceed 64 KiB.");
            }

            if (line.Length == 0)
            {
                return headers;
            }

            if (line[0] is ' ' or '\t' && lastName is not null)
            {
                headers[lastName] = (headers[lastName] + " " + line.Trim()).Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new DicomWebException($"A multipart part has a malformed header line '{Truncate(line)}'.");
            }

            lastName = line[..colon].Trim();
            headers[lastName] = line[(colon + 1)..].Trim();
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (index >= 0)
            {
                var length = index > 0 && buffer[start + index - 1] == '\r' ? index - 1 : index;
                var line = Encoding.UTF8.GetString(buffer, start, length);
                start += index + 1;
                return line;
            }

            if (endOfStream)
            {
                throw new DicomWebException("The multipart body ends inside a part's headers.");
            }

            if (end - start > MaxHeaderBytes)
            {
                throw new DicomWebException("A multipart part's headers exceed 64 KiB.");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadContentAsync(CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await EnsureAsync(dashBoundary.Length, cancellationToken).ConfigureAwait(false);
        if (buffer.AsSpan(start, end - start).StartsWith(dashBoundary))
        {
            start += dashBoundary.Length;
            await AfterDelimiterAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }

        while (true)
        {
            var window = buffer.AsSpan(start, end - start);
            var index = window.IndexOf(delimiter);
            if (index >= 0)
            {
                var length = index > 0 && window[index - 1] == '\r' ? index - 1 : index;
                Append(content, window[..length]);
                start += index + delimiter.Length;
                await AfterDelimiterAsync(cancellationToken).ConfigureAwait(false);
                return content.ToArray();
            }

            if (endOfStream)
            {
                throw new DicomWebException("The multipart body ends inside a part: its closing boundary is missing (truncated response?).");
            }

            var safe = window.Length - (delimiter.Length + 1);
            if (safe > 0)
            {
                Append(content, window[..safe]);
                start += safe;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Append(MemoryStream content, ReadOnlySpan<byte> bytes)
    {
        if (content.Length + bytes.Length > maxPartLength)
        {
            throw new DicomWebException($"A multipart part exceeds the limit of {maxPartLength} bytes.");
        }

        content.Write(bytes);
    }

    private async Task EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (end - start < count && !endOfStream)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
