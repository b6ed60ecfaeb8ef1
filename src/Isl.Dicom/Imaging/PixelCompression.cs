namespace Isl.Dicom.Imaging;

/// <summary>How the pixel data of a dataset is stored.</summary>
public enum PixelCompression
{
    /// <summary>Native (uncompressed) samples.</summary>
    None,

    /// <summary>RLE Lossless fragments (1.2.840.10008.1.2.5).</summary>
    Rle,

    /// <summary>Lossless JPEG process 14 fragments (1.2.840.10008.1.2.4.57 and .70).</summary>
    JpegLossless,
}
