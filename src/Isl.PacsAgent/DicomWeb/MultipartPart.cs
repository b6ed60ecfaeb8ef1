namespace Isl.PacsAgent.DicomWeb;

/// <summary>One body part of a multipart/related message.</summary>
/// <param name="Headers">The part's headers by name (case-insensitive).</param>
/// <param name="Content">The part's bytes.</param>
public sealed record MultipartPart(IReadOnlyDictionary<string, string> Headers, byte[] Content)
{
    /// <summary>The part's Content-Type, or null.</summary>
    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;
}
