using Isl.Model;
using Isl.Model.Preprocessing;

namespace Isl.Trainer.Data.Dicom;

/// <summary>What series selection needs to know of one DICOM file (read without its pixel data).</summary>
/// <param name="Path">The file.</param>
/// <param name="SeriesInstanceUid">Its series.</param>
/// <param name="SopInstanceUid">Its instance.</param>
/// <param name="Modality">Modality (CT, MR, ...).</param>
/// <param name="ImageType">ImageType values (e.g. ORIGINAL, PRIMARY, AXIAL or LOCALIZER).</param>
/// <param name="Orientation">ImageOrientationPatient (6 values) or null.</param>
/// <param name="Position">ImagePositionPatient (3 values) or null.</param>
/// <param name="SeriesDescription">SeriesDescription, for messages.</param>
public sealed record DicomSliceHeader(string Path, string SeriesInstanceUid, string SopInstanceUid, string Modality, IReadOnlyList<string> ImageType, double[]? Orientation, double[]? Position, string SeriesDescription)
{
    /// <summary>The unit normal of the slice plane, or null without a valid orientation and position.</summary>
    public double[]? Normal()
    {
        if (Orientation is null || Position is null)
        {
            return null;
        }

        try
        {
            return new SliceGeometry(Orientation, Position).Normal();
        }
        catch (IslModelException)
        {
            return null;
        }
    }
}
