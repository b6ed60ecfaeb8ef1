using Isl.Dicom;

namespace Isl.Reports;

/// <summary>A reference to one source CT image (one frame) that the triage looked at.</summary>
/// <param name="StudyInstanceUid">The study the image belongs to.</param>
/// <param name="SeriesInstanceUid">The series the image belongs to.</param>
/// <param name="SopClassUid">The image's SOP Class UID (e.g. CT Image Storage).</param>
/// <param name="SopInstanceUid">The image's SOP Instance UID.</param>
/// <param name="Rows">Rows of the image's pixel matrix.</param>
/// <param name="Columns">Columns of the image's pixel matrix.</param>
public sealed record SourceImage(string StudyInstanceUid, string SeriesInstanceUid, string SopClassUid, string SopInstanceUid, int Rows, int Columns)
{
    /// <summary>Reads the reference from an image's header.</summary>
    /// <exception cref="TriageReportException">A required attribute is missing or invalid.</exception>
    public static SourceImage FromDataset(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        try
        {
            return new SourceImage(
                dataset.GetString(DicomTags.StudyInstanceUID),
                dataset.GetString(DicomTags.SeriesInstanceUID),
                dataset.GetString(DicomTags.SOPClassUID),
                dataset.GetString(DicomTags.SOPInstanceUID),
                dataset.GetUInt16(DicomTags.Rows),
                dataset.GetUInt16(DicomTags.Columns));
        }
        catch (DicomException e)
        {
            throw new TriageReportException($"The source image header cannot be referenced: {e.Message}", e);
        }
    }
}
