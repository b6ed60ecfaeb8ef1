using System.Text;
using Isl.PacsAgent.DicomWeb;

namespace Isl.PacsAgent.Tests.DicomWeb;

public sealed class MultipartRelatedTests
{
    private static async Task<List<MultipartPart>> ReadAllAsync(byte[] body, string boundary, int chunk = int.MaxValue)
    {
        var reader = new MultipartRelatedReader(new ChunkedStream(body, chunk), boundary);
        var parts = new List<MultipartPart>();
        await foreach (var part in reader.ReadAllAsync())
        {
            parts.Add(part);
        }

        return parts;
    }

    private static byte[] Awkward(int length, string boundary)
    {
        var random = new Random(length);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        var trap = Encoding.ASCII.GetBytes("\r\n--" + boundary[..^1]);
        if (length >= 100)
        {
            trap.CopyTo(bytes, length / 2);
            Encoding.ASCII.GetBytes("\r\n\r\n--").CopyTo(bytes, 10);
        }

        return bytes;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(int.MaxValue)]
    public async Task WrittenPartsReadBackByteForByteWhateverTheReadSize(int chunk)
    {
        var boundary = MultipartRelatedWriter.NewBoundary();
        var contents = new[] { Awkward(100_000, boundary), [], Awkward(3, boundary), Awkward(70_001, boundary) };
        using var body = new MemoryStream();
        await MultipartRelatedWriter.WriteAsync(body, boundary, contents.Select(c => ("application/dicom", (Func<Stream>)(() => new MemoryStream(c)))));

        var parts = await ReadAllAsync(body.ToArray(), boundary, chunk);

        Assert.Equal(contents.Length, parts.Count);
        for (var i = 0; i < contents.Length; i++)
        {
            Assert.Equal(contents[i], parts[i].Content);
            Assert.Equal("application/dicom", parts[i].ContentType);
        }
    }

    [Fact]
    public async Task PreamblePaddingAndEpilogueAreTolerated()
    {
        var text = "This is a preamble\r\n--abc  \t\r\nContent-Type: application/dicom\r\nContent-Location: /x\r\n\r\nONE\r\n--abc\r\nContent-Type: application/dicom\r\n\r\nTWO\r\n--abc--\r\nepilogue";
        var parts = await ReadAllAsync(Encoding.ASCII.GetBytes(text), "abc", 5);

        Assert.Equal(["ONE", "TWO"], parts.Select(p => Encoding.ASCII.GetString(p.Content)));
        Assert.Equal("/x", parts[0].Headers["content-location"]);
    }

    [Fact]
    public async Task TruncatedBodyIsAClearError()
    {
        var text = "--abc\r\nContent-Type: application/dicom\r\n\r\nhalf a file";
        var ex = await Assert.ThrowsAsync<DicomWebException>(() => ReadAllAsync(Encoding.ASCII.GetBytes(text), "abc"));
        Assert.Contains("closing boundary is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyWithoutBoundaryIsAClearError()
    {
        var ex = await Assert.ThrowsAsync<DicomWebException>(() => ReadAllAsync(Encoding.ASCII.GetBytes("{\"error\": 1}"), "abc"));
        Assert.Contains("no boundary line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizePartIsRefused()
    {
        var text = "--abc\r\n\r\n" + new string('x', 5000) + "\r\n--abc--";
        var reader = new MultipartRelatedReader(new MemoryStream(Encoding.ASCII.GetBytes(text)), "abc", maxPartLength: 1000);
        var ex = await Assert.ThrowsAsync<DicomWebException>(() => reader.ReadNextPartAsync());
        Assert.Contains("exceeds the limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizeHeaderBlockIsRefused()
    {
        var text = "--abc\r\nX-Padding: " + new string('x', MultipartRelatedReader.MaxHeaderBytes + 10) + "\r\n\r\nONE\r\n--abc--";
        var ex = await Assert.ThrowsAsync<DicomWebException>(() => ReadAllAsync(Encoding.ASCII.GetBytes(text), "abc"));
        Assert.Contains("headers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaTypeParsesQuotedBoundaryAndOrthancsNestedTransferSyntax()
    {
        var orthanc = MediaType.Parse("multipart/related; type=\"application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1\"; boundary=\"b;=1\"");
        Assert.Equal("multipart/related", orthanc.Type);
        Assert.Equal("b;=1", orthanc.GetParameter("boundary"));
        Assert.Equal("1.2.840.10008.1.2.1", orthanc.GetParameter("transfer-syntax"));
        Assert.Equal("application/octet-stream", orthanc.RelatedType);

        var plain = MediaType.Parse("Multipart/Related;Type=application/dicom;Boundary=xyz");
        Assert.Equal("xyz", plain.GetParameter("boundary"));
        Assert.Equal("application/dicom", plain.RelatedType);
        Assert.Throws<DicomWebException>(() => MediaType.Parse("nonsense"));
    }

    [Fact]
    public void CreateRefusesNonMultipartResponses()
    {
        var ex = Assert.Throws<DicomWebException>(() => MultipartRelatedReader.Create(Stream.Null, "application/json"));
        Assert.Contains("multipart", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DicomWebException>(() => MultipartRelatedReader.Create(Stream.Null, "multipart/related; type=\"application/dicom\""));
    }

    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
