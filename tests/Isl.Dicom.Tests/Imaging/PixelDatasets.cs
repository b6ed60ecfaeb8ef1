namespace Isl.Dicom.Tests.Imaging;

/// <summary>Builds small image datasets for pixel tests.</summary>
internal static class PixelDatasets
{
    public static DicomDataset Image(int rows, int columns, int bitsAllocated, int bitsStored, int samples = 1, int pixelRepresentation = 0, string photometric = "MONOCHROME2", int frames = 1, int planar = 0, int? highBit = null)
    {
        var dataset = new DicomDataset()
            .Set(DicomTags.SOPClassUID, DicomSopClass.SecondaryCaptureImageStorage)
            .Set(DicomTags.SOPInstanceUID, DicomUid.Generate())
            .SetUInt16(DicomTags.SamplesPerPixel, (ushort)samples)
            .Set(DicomTags.PhotometricInterpretation, photometric)
            .SetUInt16(DicomTags.Rows, (ushort)rows)
            .SetUInt16(DicomTags.Columns, (ushort)columns)
            .SetUInt16(DicomTags.BitsAllocated, (ushort)bitsAllocated)
            .SetUInt16(DicomTags.BitsStored, (ushort)bitsStored)
            .SetUInt16(DicomTags.HighBit, (ushort)(highBit ?? (bitsStored - 1)))
            .SetUInt16(DicomTags.PixelRepresentation, (ushort)pixelRepresentation);
        if (samples > 1)
        {
            dataset.SetUInt16(DicomTags.PlanarConfiguration, (ushort)planar);
        }

        if (frames > 1)
        {
            dataset.Set(DicomTags.NumberOfFrames, frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return dataset;
    }

    public static byte[] Bytes(int count, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
