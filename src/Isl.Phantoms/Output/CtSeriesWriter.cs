using System.Buffers.Binary;
using System.Globalization;
using Isl.Dicom;

namespace Isl.Phantoms.Output;

/// <summary>
/// Builds one CT Image Storage instance per slice: Patient, General Study, General Series, Frame of
/// Reference, General Equipment, General Image, Image Plane, Image Pixel, CT Image, VOI LUT and SOP
/// Common modules. Stored values are HU + 1024 (RescaleIntercept −1024), signed 16-bit.
/// </summary>
internal static class CtSeriesWriter
{
    private const int RescaleIntercept = -1024;

    public static DicomDataset CreateDataset(PhantomStudy study, int sliceIndex)
    {
        var id = study.Identity;
        var instance = sliceIndex + 1;
        var position = study.ImagePositionPatient(sliceIndex);
        var date = id.StudyDate;
        var time = id.StudyTime;
        var acquisitionTime = time.Add(TimeSpan.FromSeconds(20 + (sliceIndex * 0.5)));
        var ds = new DicomDataset();

        ds.Set(DicomTags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.SetDate(DicomTags.InstanceCreationDate, date);
        ds.SetTime(DicomTags.InstanceCreationTime, time);
        ds.Set(DicomTags.SOPClassUID, DicomSopClass.CTImageStorage);
        ds.Set(DicomTags.SOPInstanceUID, id.SopInstanceUid(instance));
        ds.SetDate(DicomTags.StudyDate, date);
        ds.SetDate(DicomTags.SeriesDate, date);
        ds.SetDate(DicomTags.AcquisitionDate, date);
        ds.SetDate(DicomTags.ContentDate, date);
        ds.SetTime(DicomTags.StudyTime, time);
        ds.SetTime(DicomTags.SeriesTime, time);
        ds.SetTime(DicomTags.AcquisitionTime, TruncateToSeconds(acquisitionTime));
        ds.SetTime(DicomTags.ContentTime, TruncateToSeconds(acquisitionTime));
        ds.Set(DicomTags.AccessionNumber, id.AccessionNumber);
        ds.Set(DicomTags.Modality, "CT");
        ds.Set(DicomTags.Manufacturer, "ISL Synthetic");
        ds.Set(DicomTags.InstitutionName, "ISL Phantom Lab (synthetic data)");
        ds.Set(DicomTags.ReferringPhysicianName, "");
        ds.Set(DicomTags.StationName, "PHANTOM01");
        ds.Set(DicomTags.StudyDescription, "CT HEAD WO CONTRAST (SYNTHETIC PHANTOM)");
        ds.Set(DicomTags.SeriesDescription, $"Head {Text(study.SliceThicknessMm)} mm synthetic");
        ds.Set(DicomTags.ManufacturerModelName, "Procedural Head Phantom");

        ds.Set(DicomTags.PatientName, id.PatientName);
        ds.Set(DicomTags.PatientID, id.PatientId);
        ds.SetDate(DicomTags.PatientBirthDate, id.PatientBirthDate);
        ds.Set(DicomTags.PatientSex, id.PatientSex);
        ds.Set(DicomTags.PatientAge, $"{AgeYears(id):D3}Y");

        ds.Set(DicomTags.BodyPartExamined, "HEAD");
        ds.SetDouble(DicomTags.SliceThickness, study.SliceThicknessMm);
        ds.SetDouble(DicomTags.KVP, 120);
        ds.SetDouble(DicomTags.SpacingBetweenSlices, study.SliceSpacingMm);
        ds.SetDouble(DicomTags.DataCollectionDiameter, 250);
        ds.Set(DicomTags.SoftwareVersions, "isl-phantoms 1");
        ds.SetDouble(DicomTags.ReconstructionDiameter, study.FieldOfViewMm);
        ds.SetDouble(DicomTags.GantryDetectorTilt, study.GantryTiltDeg);
        ds.SetDouble(DicomTags.TableHeight, study.TableHeightMm);
        ds.Set(DicomTags.RotationDirection, "CW");
        ds.SetInt32(DicomTags.ExposureTime, 1000);
        ds.SetInt32(DicomTags.XRayTubeCurrent, study.TubeCurrentMa);
        ds.SetInt32(DicomTags.Exposure, study.TubeCurrentMa);
        ds.Set(DicomTags.ConvolutionKernel, "SOFT");
        ds.Set(DicomTags.PatientPosition, "HFS");

        ds.Set(DicomTags.StudyInstanceUID, id.StudyInstanceUid);
        ds.Set(DicomTags.SeriesInstanceUID, id.SeriesInstanceUid);
        ds.Set(DicomTags.StudyID, "1");
        ds.SetInt32(DicomTags.SeriesNumber, 2);
        ds.SetInt32(DicomTags.AcquisitionNumber, 1);
        ds.SetInt32(DicomTags.InstanceNumber, instance);
        ds.SetDouble(DicomTags.ImagePositionPatient, position);
        ds.SetDouble(DicomTags.ImageOrientationPatient, study.ImageOrientationPatient);
        ds.Set(DicomTags.FrameOfReferenceUID, id.FrameOfReferenceUid);
        ds.Set(DicomTags.PositionReferenceIndicator, "");
        ds.SetDouble(DicomTags.SliceLocation, position[2]);

        ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
        ds.Set(DicomTags.PhotometricInterpretation, "MONOCHROME2");
        ds.SetUInt16(DicomTags.Rows, (ushort)study.Rows);
        ds.SetUInt16(DicomTags.Columns, (ushort)study.Columns);
        ds.SetDouble(DicomTags.PixelSpacing, study.PixelSpacingMm, study.PixelSpacingMm);
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        ds.SetUInt16(DicomTags.BitsStored, 16);
        ds.SetUInt16(DicomTags.HighBit, 15);
        ds.SetUInt16(DicomTags.PixelRepresentation, 1);
        ds.Set(DicomTags.BurnedInAnnotation, "NO");
        ds.SetDouble(DicomTags.WindowCenter, 40, 600);
        ds.SetDouble(DicomTags.WindowWidth, 80, 2800);
        ds.Set(DicomTags.WindowCenterWidthExplanation, "BRAIN", "BONE");
        ds.SetDouble(DicomTags.RescaleIntercept, RescaleIntercept);
        ds.SetDouble(DicomTags.RescaleSlope, 1);
        ds.Set(DicomTags.RescaleType, "HU");
        ds.Set(DicomTags.LossyImageCompression, "00");
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, StoredPixels(study.HounsfieldSlice(sliceIndex)));
        return ds;
    }

    public static IReadOnlyList<string> Write(PhantomStudy study, string directory)
    {
        var files = new string[study.SliceCount];
        Parallel.For(0, study.SliceCount, i =>
        {
            var path = Path.Combine(directory, FileName(i));
            new DicomFile(CreateDataset(study, i), DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
            files[i] = path;
        });
        return files;
    }

    public static string FileName(int sliceIndex) => $"CT{sliceIndex + 1:D4}.dcm";

    private static byte[] StoredPixels(ReadOnlySpan<short> hu)
    {
        var bytes = new byte[hu.Length * 2];
        for (var i = 0; i < hu.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)(hu[i] - RescaleIntercept));
        }

        return bytes;
    }

    private static int AgeYears(PhantomIdentity id)
    {
        var age = id.StudyDate.Year - id.PatientBirthDate.Year;
        return id.StudyDate < id.PatientBirthDate.AddYears(age) ? age - 1 : age;
    }

    private static TimeOnly TruncateToSeconds(TimeOnly time) => new(time.Hour, time.Minute, time.Second);

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
