using Isl.Dicom.Codecs;

namespace Isl.Dicom.Imaging;

/// <summary>
/// Re-encodes a file in another transfer syntax: between native syntaxes, decompressing RLE Lossless and JPEG
/// Lossless, and compressing to RLE Lossless. Like dcmtk's dcmdjpeg/dcmdrle, decompression keeps the
/// Photometric Interpretation (the codecs are lossless) and stores colour JPEG frames colour-by-pixel.
/// </summary>
public static class DicomTranscoder
{
    /// <summary>Returns a new file holding <paramref name="file"/>'s dataset in <paramref name="target"/>.</summary>
    /// <exception cref="DicomNotSupportedException">The source pixel data cannot be decoded, or the target cannot be encoded; the message names the syntax.</exception>
    /// <exception cref="DicomParseException">The compressed pixel data is malformed.</exception>
    /// <exception cref="DicomDataException">The pixel module is missing or inconsistent.</exception>
    public static DicomFile Transcode(DicomFile file, DicomTransferSyntax target)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(target);
        var source = file.TransferSyntax;
        var dataset = file.Dataset.Clone();
        var encapsulated = dataset.GetFragments(DicomTags.PixelData) is not null;
        var hasPixels = dataset.Contains(DicomTags.PixelData);
        if (!source.IsExplicitVR && target.IsExplicitVR)
        {
            SignedPixelValueVRs.Resolve(dataset);
        }

        if (hasPixels && source != target)
        {
            if (encapsulated)
            {
                Decompress(file, dataset);
            }

            if (target.IsEncapsulated)
            {
                if (target != DicomTransferSyntax.RLELossless)
                {
                    throw UnsupportedSyntax.Encode(target);
                }

                CompressRle(dataset);
            }
        }
        else if (!target.IsKnown)
        {
            throw UnsupportedSyntax.Encode(target);
        }

        var result = new DicomFile(dataset, target);
        CopyMetaExtras(file.FileMetaInformation, result.FileMetaInformation);
        return result;
    }

    private static void Decompress(DicomFile file, DicomDataset dataset)
    {
        var pixels = DicomPixelData.Create(file);
        var frameLength = pixels.FrameLength;
        var total = (long)frameLength * pixels.NumberOfFrames;
        if (total > Array.MaxLength - 1)
        {
            throw new DicomDataException($"The decompressed pixel data would be {total} bytes, more than one buffer holds.");
        }

        var native = new byte[total + (total & 1)];
        for (var i = 0; i < pixels.NumberOfFrames; i++)
        {
            pixels.GetFrame(i).CopyTo(native.AsSpan(i * frameLength));
        }

        dataset.SetBytes(DicomTags.PixelData, pixels.BitsAllocated > 8 ? DicomVR.OW : DicomVR.OB, native);
        if (pixels.SamplesPerPixel > 1)
        {
            dataset.SetUInt16(DicomTags.PlanarConfiguration, (ushort)pixels.PlanarConfiguration);
        }
    }

    private static void CompressRle(DicomDataset dataset)
    {
        var pixels = DicomPixelData.Create(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        if (pixels.BitsAllocated % 8 != 0 || pixels.BitsAllocated > 32 || pixels.PhotometricInterpretation.EndsWith("_422", StringComparison.Ordinal))
        {
            throw new DicomNotSupportedException(
                $"{pixels.PhotometricInterpretation} pixel data with {pixels.BitsAllocated} bits allocated cannot be encoded in {DicomTransferSyntax.RLELossless.Uid} ({DicomTransferSyntax.RLELossless.Name}).");
        }

        var layout = new PixelFrameLayout(pixels.Rows, pixels.Columns, pixels.BitsAllocated, pixels.SamplesPerPixel, pixels.PlanarConfiguration == 1);
        var fragments = new List<ReadOnlyMemory<byte>>(pixels.NumberOfFrames);
        var offsets = new List<uint>(pixels.NumberOfFrames);
        long position = 0;
        for (var i = 0; i < pixels.NumberOfFrames; i++)
        {
            var fragment = RleCodec.Encode(pixels.GetFrame(i), layout);
            offsets.Add(checked((uint)position));
            position += 8 + fragment.Length;
            fragments.Add(fragment);
        }

        dataset.SetFragments(DicomTags.PixelData, DicomVR.OB, new DicomFragmentSequence(offsets, fragments));
    }

    private static void CopyMetaExtras(DicomDataset original, DicomDataset meta)
    {
        foreach (var element in original)
        {
            if (!meta.Contains(element.Tag) && element.Tag.Element != 0x0000)
            {
                meta.Add(element);
            }
        }
    }
}
