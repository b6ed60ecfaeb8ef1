using Isl.Dicom;
using Isl.Dicom.Imaging;
using Isl.Model.Preprocessing;

namespace Isl.Model.Scoring;

/// <summary>Builds <see cref="HuSlice"/>s from DICOM CT instances (HU from stored values, geometry for ordering).</summary>
public static class DicomSlices
{
    /// <summary>The HU slice of a single-frame CT file; DICOM errors become <see cref="IslModelException"/> naming the file.</summary>
    public static HuSlice FromFile(DicomFile file, string? name = null)
    {
        try
        {
            var pixels = DicomPixelData.Create(file);
            var hu = pixels.GetHounsfieldFrame(0);
            var dataset = file.Dataset;
            SliceGeometry? geometry = null;
            if (dataset.Contains(DicomTags.ImageOrientationPatient) && dataset.Contains(DicomTags.ImagePositionPatient))
            {
                geometry = new SliceGeometry(dataset.GetDoubles(DicomTags.ImageOrientationPatient), dataset.GetDoubles(DicomTags.ImagePositionPatient));
            }

            return new HuSlice(hu, pixels.Rows, pixels.Columns, geometry);
        }
        catch (DicomException e)
        {
            throw new IslModelException($"{name ?? "DICOM instance"}: {e.Message}", e);
        }
    }
}
