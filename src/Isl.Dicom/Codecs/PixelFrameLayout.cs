namespace Isl.Dicom.Codecs;

/// <summary>The geometry of one uncompressed frame as DICOM stores it natively (little-endian samples).</summary>
/// <param name="Rows">Rows (0028,0010).</param>
/// <param name="Columns">Columns (0028,0011).</param>
/// <param name="BitsAllocated">Bits Allocated (0028,0100): 8, 16 or 32 for the codecs here.</param>
/// <param name="SamplesPerPixel">Samples per Pixel (0028,0002): 1 or 3.</param>
/// <param name="IsPlanar">True when Planar Configuration (0028,0006) is 1 (colour-by-plane).</param>
public readonly record struct PixelFrameLayout(int Rows, int Columns, int BitsAllocated, int SamplesPerPixel, bool IsPlanar)
{
    /// <summary>Bytes per sample (BitsAllocated / 8, rounded up).</summary>
    public int BytesPerSample => (BitsAllocated + 7) / 8;

    /// <summary>Pixels per frame.</summary>
    public int PixelCount => Rows * Columns;

    /// <summary>Bytes of one native frame.</summary>
    public int FrameLength => checked(Rows * Columns * SamplesPerPixel * BytesPerSample);
}
