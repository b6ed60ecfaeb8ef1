using Isl.Dicom;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>Builds small synthetic DICOM series in memory with the core API (16×16 pixels, enough for everything but scoring).</summary>
public sealed class CtStudyBuilder
{
    public static readonly double[] Axial = [1, 0, 0, 0, 1, 0];
    public static readonly double[] Sagittal = [0, 1, 0, 0, 0, -1];
    public static readonly double[] Coronal = [1, 0, 0, 0, 0, -1];

    public string StudyInstanceUid { get; } = DicomUid.Generate();

    public string PatientId { get; init; } = "PAT-1";

    /// <summary>Rows and columns of every slice.</summary>
    public ushort Size { get; init; } = 16;

    /// <summary>One series of <paramref name="slices"/> slices, 5 mm apart along the slice normal, InstanceNumbers reversed to prove ordering by position.</summary>
    public List<DicomDataset> Series(
        int slices = 20,
        string modality = "CT",
        string bodyPart = "HEAD",
        string description = "HEAD 5mm",
        double[]? orientation = null,
        string[]? imageType = null,
        double thickness = 5,
        string sopClass = "1.2.840.10008.5.1.4.1.1.2")
    {
        var series = DicomUid.Generate();
        var iop = orientation ?? Axial;
        var normal = new[] { (iop[1] * iop[5]) - (iop[2] * iop[4]), (iop[2] * iop[3]) - (iop[0] * iop[5]), (iop[0] * iop[4]) - (iop[1] * iop[3]) };
        var list = new List<DicomDataset>();
        for (var i = 0; i < slices; i++)
        {
            var d = new DicomDataset()
                .Set(DicomTags.SOPClassUID, sopClass)
                .Set(DicomTags.SOPInstanceUID, DicomUid.Generate())
                .Set(DicomTags.StudyInstanceUID, StudyInstanceUid)
                .Set(DicomTags.SeriesInstanceUID, series)
                .Set(DicomTags.Modality, modality)
                .Set(DicomTags.PatientID, PatientId)
                .Set(DicomTags.PatientName, "Phantom^Test")
                .Set(DicomTags.StudyDescription, "CT ROUTINE")
                .Set(DicomTags.SeriesDescription, description)
                .Set(DicomTags.AccessionNumber, "ACC1")
                .Set(DicomTags.StudyDate, "20260101")
                .Set(DicomTags.ImageType, imageType ?? ["ORIGINAL", "PRIMARY", "AXIAL"])
                .SetInt32(DicomTags.InstanceNumber, slices - i)
                .SetInt32(DicomTags.SeriesNumber, 2)
                .SetDouble(DicomTags.ImageOrientationPatient, iop)
                .SetDouble(DicomTags.ImagePositionPatient, normal[0] * i * thickness, normal[1] * i * thickness, normal[2] * i * thickness)
                .SetDouble(DicomTags.SliceThickness, thickness)
                .SetUInt16(DicomTags.Rows, Size)
                .SetUInt16(DicomTags.Columns, Size)
                .SetUInt16(DicomTags.BitsAllocated, 16)
                .SetUInt16(DicomTags.BitsStored, 16)
                .SetUInt16(DicomTags.HighBit, 15)
                .SetUInt16(DicomTags.PixelRepresentation, 1)
                .SetUInt16(DicomTags.SamplesPerPixel, 1)
                .Set(DicomTags.PhotometricInterpretation, "MONOCHROME2")
                .SetDouble(DicomTags.RescaleIntercept, -1024)
                .SetDouble(DicomTags.RescaleSlope, 1)
                .SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[Size * Size * 2]);
            if (bodyPart.Length > 0)
            {
                d.Set(DicomTags.BodyPartExamined, bodyPart);
            }

            list.Add(d);
        }

        return list;
    }

    /// <summary>Saves data sets as Part 10 files (Explicit VR LE) under <paramref name="directory"/>.</summary>
    public static List<string> Save(IEnumerable<DicomDataset> datasets, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var d in datasets)
        {
            var path = Path.Combine(directory, d.GetString(DicomTags.SOPInstanceUID) + ".dcm");
            new DicomFile(d, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
            paths.Add(path);
        }

        return paths;
    }
}
