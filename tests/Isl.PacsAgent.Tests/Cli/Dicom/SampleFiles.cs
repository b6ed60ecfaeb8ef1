using Isl.Dicom;

namespace Isl.PacsAgent.Tests.Cli.Dicom;

/// <summary>Small files written by our own library, so the CLI tests need no external data.</summary>
internal static class SampleFiles
{
    public static DicomDataset CtSlice(int seed)
    {
        var pixels = new byte[4 * 5 * 2];
        for (var i = 0; i < pixels.Length / 2; i++)
        {
            BitConverter.TryWriteBytes(pixels.AsSpan(2 * i), (short)((i * 37 * seed) - 1000));
        }

        return new DicomDataset()
            .Set(DicomTags.SOPClassUID, DicomSopClass.CTImageStorage)
            .Set(DicomTags.SOPInstanceUID, DicomUid.FromName("cli-test", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Set(DicomTags.Modality, "CT")
            .Set(DicomTags.PatientName, "Doe^John")
            .SetUInt16(DicomTags.SamplesPerPixel, 1)
            .Set(DicomTags.PhotometricInterpretation, "MONOCHROME2")
            .SetUInt16(DicomTags.Rows, 4)
            .SetUInt16(DicomTags.Columns, 5)
            .SetUInt16(DicomTags.BitsAllocated, 16)
            .SetUInt16(DicomTags.BitsStored, 16)
            .SetUInt16(DicomTags.HighBit, 15)
            .SetUInt16(DicomTags.PixelRepresentation, 1)
            .SetDouble(DicomTags.RescaleSlope, 1.0)
            .SetDouble(DicomTags.RescaleIntercept, -0.5)
            .SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
    }

    public static string Write(string path, DicomDataset dataset, DicomTransferSyntax syntax)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        new DicomFile(dataset, syntax).Save(path);
        return path;
    }

    public static string WriteGarbage(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 7))]);
        return path;
    }
}
