namespace Isl.Dicom.Tests.IO;

/// <summary>Small datasets built in code for encoding tests.</summary>
internal static class SampleDatasets
{
    public static DicomDataset SmallCt(int rows = 4, int columns = 4)
    {
        var pixels = new byte[rows * columns * 2];
        for (var i = 0; i < rows * columns; i++)
        {
            BitConverter.TryWriteBytes(pixels.AsSpan(i * 2), (short)((i * 37) - 1024));
        }

        var reference = new DicomDataset()
            .Set(DicomTags.ReferencedSOPClassUID, DicomSopClass.CTImageStorage)
            .Set(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4.5");
        var nested = new DicomDataset().Set(DicomTags.CodeValue, "113691").Set(DicomTags.CodingSchemeDesignator, "DCM").Set(DicomTags.CodeMeaning, "IHE");
        reference.SetSequence(DicomTags.PurposeOfReferenceCodeSequence, [nested]);
        return new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, "ISO_IR 100")
            .Set(DicomTags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
            .Set(DicomTags.SOPClassUID, DicomSopClass.CTImageStorage)
            .Set(DicomTags.SOPInstanceUID, DicomUid.FromName("test", "ct", rows.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Set(DicomTags.Modality, "CT")
            .Set(DicomTags.PatientName, "Müller^Hans")
            .SetSequence(DicomTags.ReferencedImageSequence, [reference])
            .Set(new DicomTag(0x0009, 0x0010), DicomVR.LO, "ACME 1.0")
            .SetBytes(new DicomTag(0x0009, 0x1001), DicomVR.UN, new byte[] { 1, 2, 3, 4, 5, 6 })
            .SetDouble(DicomTags.ImagePositionPatient, -120.5, -99.75, 33)
            .SetUInt16(DicomTags.Rows, (ushort)rows)
            .SetUInt16(DicomTags.Columns, (ushort)columns)
            .SetUInt16(DicomTags.BitsAllocated, 16)
            .SetUInt16(DicomTags.BitsStored, 16)
            .SetUInt16(DicomTags.HighBit, 15)
            .SetUInt16(DicomTags.PixelRepresentation, 1)
            .SetNumbers(DicomTags.SmallestImagePixelValue, DicomVR.SS, -1024)
            .SetDouble(DicomTags.RescaleIntercept, 0)
            .SetDouble(DicomTags.RescaleSlope, 1)
            .SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
    }

    public static string Listing(DicomDataset dataset) => DicomDatasetPrinter.Format(dataset);
}
