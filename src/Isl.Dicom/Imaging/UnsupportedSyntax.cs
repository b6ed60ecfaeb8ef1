namespace Isl.Dicom.Imaging;

/// <summary>Builds the one error message for compressed pixel data this library cannot decode or encode.</summary>
internal static class UnsupportedSyntax
{
    public static DicomNotSupportedException Decode(DicomTransferSyntax syntax) =>
        new($"Pixel data in transfer syntax {syntax.Uid} ({syntax.Name}) cannot be decoded: only native, RLE Lossless and JPEG Lossless (process 14) pixel data are supported.");

    public static DicomNotSupportedException Encode(DicomTransferSyntax syntax) =>
        new($"Pixel data cannot be encoded in transfer syntax {syntax.Uid} ({syntax.Name}): only native syntaxes and RLE Lossless are written.");

    public static DicomNotSupportedException Unidentified(string what) =>
        new($"Encapsulated pixel data of an unknown transfer syntax ({what}) cannot be decoded: only RLE Lossless and JPEG Lossless (process 14) are supported.");
}
