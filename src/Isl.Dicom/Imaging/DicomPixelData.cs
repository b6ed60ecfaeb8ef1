using System.Buffers.Binary;
using Isl.Dicom.Codecs;

namespace Isl.Dicom.Imaging;

/// <summary>
/// The image pixel module of a dataset and access to its frames as native little-endian bytes, decoded from
/// RLE Lossless or JPEG Lossless when the pixel data is encapsulated.
/// </summary>
public sealed class DicomPixelData
{
    private readonly DicomDataset _dataset;
    private readonly ReadOnlyMemory<byte> _native;
    private readonly DicomFragmentSequence? _fragments;

    private DicomPixelData(DicomDataset dataset, PixelCompression compression, DicomTransferSyntax? syntax)
    {
        _dataset = dataset;
        Compression = compression;
        TransferSyntax = syntax;
        Rows = RequiredPositive(dataset, DicomTags.Rows);
        Columns = RequiredPositive(dataset, DicomTags.Columns);
        BitsAllocated = RequiredPositive(dataset, DicomTags.BitsAllocated);
        BitsStored = dataset.TryGetUInt16(DicomTags.BitsStored, out var stored) && stored > 0 ? stored : BitsAllocated;
        HighBit = dataset.TryGetUInt16(DicomTags.HighBit, out var high) ? high : BitsStored - 1;
        PixelRepresentation = dataset.TryGetUInt16(DicomTags.PixelRepresentation, out var representation) ? representation : 0;
        SamplesPerPixel = dataset.TryGetUInt16(DicomTags.SamplesPerPixel, out var samples) && samples > 0 ? samples : 1;
        PhotometricInterpretation = dataset.GetStringOrDefault(DicomTags.PhotometricInterpretation)?.Trim() is { Length: > 0 } photometric
            ? photometric
            : SamplesPerPixel == 1 ? "MONOCHROME2" : "RGB";
        NumberOfFrames = dataset.TryGetInt32(DicomTags.NumberOfFrames, out var frames) && frames > 0 ? frames : 1;
        var storedPlanar = SamplesPerPixel > 1 && dataset.TryGetUInt16(DicomTags.PlanarConfiguration, out var planar) ? planar : 0;
        PlanarConfiguration = compression == PixelCompression.JpegLossless ? 0 : storedPlanar;
        if (BitsStored > BitsAllocated || HighBit >= BitsAllocated || HighBit + 1 < BitsStored || BitsAllocated > 64)
        {
            throw new DicomDataException($"Inconsistent pixel module: BitsAllocated {BitsAllocated}, BitsStored {BitsStored}, HighBit {HighBit}.");
        }

        if (compression == PixelCompression.None)
        {
            _native = dataset.TryGetBytes(DicomTags.PixelData, out var bytes) ? bytes : throw new DicomDataException("The dataset has no Pixel Data (7FE0,0010).");
            var needed = (((long)NativeFrameBits * NumberOfFrames) + 7) / 8;
            if (_native.Length < needed)
            {
                throw new DicomDataException($"Pixel Data holds {_native.Length} bytes; {NumberOfFrames} frame(s) of {Rows}x{Columns}x{SamplesPerPixel} at {BitsAllocated} bits need {needed}.");
            }
        }
        else
        {
            _fragments = dataset.GetFragments(DicomTags.PixelData) ?? throw new DicomDataException("The dataset has no encapsulated Pixel Data (7FE0,0010).");
            var supported = compression == PixelCompression.Rle ? BitsAllocated % 8 == 0 && BitsAllocated <= 32 : BitsAllocated is 8 or 16;
            if (!supported)
            {
                throw new DicomDataException($"{compression} pixel data with {BitsAllocated} bits allocated is not valid.");
            }
        }
    }

    /// <summary>How the pixel data is stored.</summary>
    public PixelCompression Compression { get; }

    /// <summary>The transfer syntax the pixel data was read in, when known.</summary>
    public DicomTransferSyntax? TransferSyntax { get; }

    /// <summary>Rows (0028,0010).</summary>
    public int Rows { get; }

    /// <summary>Columns (0028,0011).</summary>
    public int Columns { get; }

    /// <summary>Bits Allocated (0028,0100).</summary>
    public int BitsAllocated { get; }

    /// <summary>Bits Stored (0028,0101).</summary>
    public int BitsStored { get; }

    /// <summary>High Bit (0028,0102).</summary>
    public int HighBit { get; }

    /// <summary>Pixel Representation (0028,0103): 0 unsigned, 1 two's complement.</summary>
    public int PixelRepresentation { get; }

    /// <summary>Samples per Pixel (0028,0002).</summary>
    public int SamplesPerPixel { get; }

    /// <summary>Planar Configuration of the frames <see cref="GetFrame"/> returns (0 colour-by-pixel, 1 colour-by-plane).</summary>
    public int PlanarConfiguration { get; }

    /// <summary>Photometric Interpretation (0028,0004), e.g. MONOCHROME2, RGB, YBR_FULL.</summary>
    public string PhotometricInterpretation { get; }

    /// <summary>Number of Frames (0028,0008), 1 when absent.</summary>
    public int NumberOfFrames { get; }

    /// <summary>True for Pixel Representation 1.</summary>
    public bool IsSigned => PixelRepresentation == 1;

    /// <summary>Bytes of one frame as <see cref="GetFrame"/> returns it (bit-packed frames rounded up to whole bytes).</summary>
    public int FrameLength => checked((int)((NativeFrameBits + 7) / 8));

    private bool IsSubsampled422 => Compression == PixelCompression.None && SamplesPerPixel == 3
        && PhotometricInterpretation is "YBR_FULL_422" or "YBR_PARTIAL_422";

    private long NativeFrameBits => IsSubsampled422
        ? (long)Rows * Columns * 2 * BitsAllocated
        : (long)Rows * Columns * SamplesPerPixel * BitsAllocated;

    /// <summary>Reads the pixel module of <paramref name="file"/> in its transfer syntax.</summary>
    public static DicomPixelData Create(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Create(file.Dataset, file.TransferSyntax);
    }

    /// <summary>Reads the pixel module; the codec of encapsulated pixel data is recognised from its first fragment.</summary>
    /// <exception cref="DicomNotSupportedException">The pixel data is compressed with another codec.</exception>
    /// <exception cref="DicomDataException">The pixel module is missing or inconsistent.</exception>
    public static DicomPixelData Create(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var fragments = dataset.GetFragments(DicomTags.PixelData);
        return fragments is null
            ? new DicomPixelData(dataset, PixelCompression.None, null)
            : new DicomPixelData(dataset, Sniff(fragments), null);
    }

    /// <summary>Reads the pixel module of a dataset decoded from <paramref name="syntax"/>.</summary>
    /// <exception cref="DicomNotSupportedException">The syntax's pixel data cannot be decoded here; the message names it.</exception>
    /// <exception cref="DicomDataException">The pixel module is missing or inconsistent.</exception>
    public static DicomPixelData Create(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        var fragments = dataset.GetFragments(DicomTags.PixelData);
        if (fragments is null)
        {
            return new DicomPixelData(dataset, PixelCompression.None, syntax);
        }

        return new DicomPixelData(dataset, CompressionOf(syntax), syntax);
    }

    /// <summary>The codec for encapsulated pixel data of <paramref name="syntax"/>.</summary>
    /// <exception cref="DicomNotSupportedException">No codec here decodes that syntax.</exception>
    internal static PixelCompression CompressionOf(DicomTransferSyntax syntax)
    {
        if (syntax == DicomTransferSyntax.RLELossless)
        {
            return PixelCompression.Rle;
        }

        if (syntax == DicomTransferSyntax.JPEGLosslessProcess14 || syntax == DicomTransferSyntax.JPEGLosslessSV1)
        {
            return PixelCompression.JpegLossless;
        }

        throw UnsupportedSyntax.Decode(syntax);
    }

    /// <summary>Decodes frame <paramref name="index"/> (0-based) into a new native little-endian buffer.</summary>
    /// <exception cref="DicomParseException">The compressed frame is malformed.</exception>
    public byte[] GetFrame(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, NumberOfFrames);
        var frame = new byte[FrameLength];
        switch (Compression)
        {
            case PixelCompression.None:
                CopyNativeFrame(index, frame);
                break;
            case PixelCompression.Rle:
                RleCodec.Decode(EncapsulatedFrames.Get(_fragments!, index, NumberOfFrames, Compression).Span, frame, Layout);
                break;
            default:
                DecodeJpeg(EncapsulatedFrames.Get(_fragments!, index, NumberOfFrames, Compression).Span, frame, index);
                break;
        }

        return frame;
    }

    /// <summary>The stored values of a single-sample frame: masked to BitsStored and sign-extended when signed.</summary>
    /// <exception cref="DicomDataException">The image has several samples per pixel or more than 32 bits stored.</exception>
    public int[] GetStoredValues(int index)
    {
        if (SamplesPerPixel != 1 || BitsAllocated is not (8 or 16 or 32) || (BitsStored == 32 && !IsSigned))
        {
            throw new DicomDataException($"Stored values are read from single-sample 8/16/32-bit images; this one has {SamplesPerPixel} sample(s) of {BitsAllocated} bits ({BitsStored} stored, {(IsSigned ? "signed" : "unsigned")}).");
        }

        var frame = GetFrame(index);
        var values = new int[Rows * Columns];
        var shift = HighBit + 1 - BitsStored;
        var mask = BitsStored == 32 ? uint.MaxValue : (1u << BitsStored) - 1;
        var signBit = 1u << (BitsStored - 1);
        for (var i = 0; i < values.Length; i++)
        {
            uint raw = BitsAllocated switch
            {
                8 => frame[i],
                16 => BinaryPrimitives.ReadUInt16LittleEndian(frame.AsSpan(2 * i)),
                _ => BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(4 * i)),
            };
            var value = (raw >> shift) & mask;
            values[i] = IsSigned && (value & signBit) != 0 ? (int)(value | ~mask) : (int)value;
        }

        return values;
    }

    /// <summary>Frame <paramref name="index"/> in Hounsfield units: stored values × RescaleSlope + RescaleIntercept (per frame when the dataset has functional groups).</summary>
    public float[] GetHounsfieldFrame(int index)
    {
        var rescale = ModalityRescale.Of(_dataset, index);
        var stored = GetStoredValues(index);
        var units = new float[stored.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            units[i] = (float)((stored[i] * rescale.Slope) + rescale.Intercept);
        }

        return units;
    }

    private PixelFrameLayout Layout => new(Rows, Columns, BitsAllocated, SamplesPerPixel, PlanarConfiguration == 1);

    private static PixelCompression Sniff(DicomFragmentSequence fragments)
    {
        var first = fragments.Fragments.FirstOrDefault(f => f.Length > 0).Span;
        if (first.Length >= 4 && first[0] == 0xFF && first[1] == 0xD8)
        {
            var marker = FirstFrameMarker(first);
            return marker == 0xC3 ? PixelCompression.JpegLossless : throw UnsupportedSyntax.Unidentified(marker >= 0 ? $"JPEG SOF{marker - 0xC0}" : "JPEG stream without frame header");
        }

        if (first.Length >= 4 && first[0] == 0xFF && first[1] == 0x4F)
        {
            throw UnsupportedSyntax.Unidentified("JPEG 2000 codestream");
        }

        if (first.Length >= 64 && BinaryPrimitives.ReadUInt32LittleEndian(first) is >= 1 and <= 15 && BinaryPrimitives.ReadUInt32LittleEndian(first[4..]) == 64)
        {
            return PixelCompression.Rle;
        }

        throw UnsupportedSyntax.Unidentified("unrecognised fragment content");
    }

    private static int FirstFrameMarker(ReadOnlySpan<byte> jpeg)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return jpeg[i + 1];
            }
        }

        return -1;
    }

    private static int RequiredPositive(DicomDataset dataset, DicomTag tag)
    {
        if (!dataset.TryGetUInt16(tag, out var value))
        {
            throw new DicomDataException($"The pixel module lacks {tag} (or its value is not a number).");
        }

        return value > 0 ? value : throw new DicomDataException($"{tag} is 0 in the pixel module.");
    }

    private void CopyNativeFrame(int index, Span<byte> frame)
    {
        var source = _native.Span;
        var bits = NativeFrameBits;
        if (bits % 8 == 0)
        {
            source.Slice(checked((int)(bits / 8 * index)), frame.Length).CopyTo(frame);
            return;
        }

        // Bit-packed frames (BitsAllocated 1) may start inside a byte: repack them to start at bit 0.
        var start = bits * index;
        for (long i = 0; i < bits; i++)
        {
            var bit = start + i;
            if ((source[(int)(bit >> 3)] >> (int)(bit & 7) & 1) != 0)
            {
                frame[(int)(i >> 3)] |= (byte)(1 << (int)(i & 7));
            }
        }
    }

    private void DecodeJpeg(ReadOnlySpan<byte> jpeg, Span<byte> frame, int index)
    {
        var info = JpegLosslessDecoder.ReadFrameInfo(jpeg);
        if (info.Rows != Rows || info.Columns != Columns || info.Components != SamplesPerPixel)
        {
            throw new DicomParseException($"JPEG frame {index + 1} is {info.Rows}x{info.Columns} with {info.Components} component(s); the dataset declares {Rows}x{Columns} with {SamplesPerPixel}.");
        }

        JpegLosslessDecoder.Decode(jpeg, frame, BitsAllocated / 8);
    }
}
