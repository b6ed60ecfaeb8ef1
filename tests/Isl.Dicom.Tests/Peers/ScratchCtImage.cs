namespace Isl.Dicom.Tests.Peers;

/// <summary>A minimal but complete CT Image IOD (64×64, signed 16-bit) built only through the public API.</summary>
internal static class ScratchCtImage
{
    public static DicomDataset Create()
    {
        const int size = 64;
        var pixels = new byte[size * size * 2];
        for (var i = 0; i < size * size; i++)
        {
            BitConverter.TryWriteBytes(pixels.AsSpan(i * 2), (short)(((i % size) * 20) - 1000));
        }

        var study = DicomUid.FromName("scratch", "study");
        return new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, "ISO_IR 192")
            .Set(DicomTags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
            .Set(DicomTags.SOPClassUID, DicomSopClass.CTImageStorage)
            .Set(DicomTags.SOPInstanceUID, DicomUid.FromName("scratch", "instance"))
            .SetDate(DicomTags.StudyDate, new DateOnly(2024, 5, 17))
            .SetTime(DicomTags.StudyTime, new TimeOnly(10, 30))
            .Set(DicomTags.AccessionNumber, "A123")
            .Set(DicomTags.Modality, "CT")
            .Set(DicomTags.Manufacturer, "Isl")
            .Set(DicomTags.ReferringPhysicianName, "")
            .Set(DicomTags.PatientName, "Müller^Ärne")
            .Set(DicomTags.PatientID, "P1")
            .SetDate(DicomTags.PatientBirthDate, new DateOnly(1950, 1, 2))
            .Set(DicomTags.PatientSex, "O")
            .Set(DicomTags.Laterality, "")
            .Set(DicomTags.KVP, "120")
            .Set(DicomTags.PatientPosition, "HFS")
            .Set(DicomTags.StudyInstanceUID, study)
            .Set(DicomTags.SeriesInstanceUID, DicomUid.FromName("scratch", "series"))
            .Set(DicomTags.StudyID, "1")
            .SetInt32(DicomTags.SeriesNumber, 1)
            .SetInt32(DicomTags.AcquisitionNumber, 1)
            .SetInt32(DicomTags.InstanceNumber, 1)
            .Set(DicomTags.PatientOrientation, "L", "P")
            .SetDouble(DicomTags.ImagePositionPatient, -125, -125, 40.5)
            .SetDouble(DicomTags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
            .Set(DicomTags.FrameOfReferenceUID, DicomUid.FromName("scratch", "frame"))
            .Set(DicomTags.PositionReferenceIndicator, "")
            .SetDouble(DicomTags.SliceThickness, 5)
            .SetDouble(DicomTags.SliceLocation, 40.5)
            .SetUInt16(DicomTags.SamplesPerPixel, 1)
            .Set(DicomTags.PhotometricInterpretation, "MONOCHROME2")
            .SetUInt16(DicomTags.Rows, size)
            .SetUInt16(DicomTags.Columns, size)
            .SetDouble(DicomTags.PixelSpacing, 0.48828125, 0.48828125)
            .SetUInt16(DicomTags.BitsAllocated, 16)
            .SetUInt16(DicomTags.BitsStored, 16)
            .SetUInt16(DicomTags.HighBit, 15)
            .SetUInt16(DicomTags.PixelRepresentation, 1)
            .SetDouble(DicomTags.WindowCenter, 40)
            .SetDouble(DicomTags.WindowWidth, 80)
            .SetDouble(DicomTags.RescaleIntercept, 0)
            .SetDouble(DicomTags.RescaleSlope, 1)
            .Set(DicomTags.RescaleType, "HU")
            .SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
    }
}
