namespace Isl.Dicom.Codecs;

/// <summary>The one place where codecs turn malformed compressed data into the library's parse error.</summary>
internal static class CodecErrors
{
    public static DicomParseException Malformed(string codec, string detail) =>
        new($"{codec}: {detail}");
}
