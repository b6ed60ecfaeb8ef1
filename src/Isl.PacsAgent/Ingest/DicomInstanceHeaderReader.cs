using Isl.Dicom;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Ingest;

/// <summary>
/// The selection attributes of an instance, taken once from the data set the ingest has already parsed and catalogued
/// with it (<see cref="Storage.InstanceArrival.Header"/>); a file is read here only for instances an older agent
/// catalogued without them.
/// </summary>
public static class DicomInstanceHeaderReader
{
    /// <summary>The header of a spooled Part 10 file, read up to (not including) its pixel data.</summary>
    public static InstanceHeader Read(string path) =>
        FromDataset(DicomFile.Open(path, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset, path);

    /// <summary>The header of a data set.</summary>
    public static InstanceHeader FromDataset(DicomDataset d, string path) => new()
    {
        SopInstanceUid = d.GetString(DicomTags.SOPInstanceUID),
        SeriesInstanceUid = d.GetString(DicomTags.SeriesInstanceUID),
        Path = path,
        SopClassUid = Text(d, DicomTags.SOPClassUID),
        Modality = Text(d, DicomTags.Modality),
        BodyPartExamined = Text(d, DicomTags.BodyPartExamined),
        SeriesDescription = Text(d, DicomTags.SeriesDescription),
        StudyDescription = Text(d, DicomTags.StudyDescription),
        ProtocolName = Text(d, DicomTags.ProtocolName),
        ContrastBolusAgent = Text(d, DicomTags.ContrastBolusAgent),
        FilterType = Text(d, DicomTags.FilterType),
        ImageType = d.Contains(DicomTags.ImageType) ? d.GetStrings(DicomTags.ImageType).Select(s => s.Trim()).ToList() : [],
        ImageOrientationPatient = Doubles(d, DicomTags.ImageOrientationPatient, 6),
        ImagePositionPatient = Doubles(d, DicomTags.ImagePositionPatient, 3),
        SliceThickness = d.TryGetDouble(DicomTags.SliceThickness, out var thickness) ? thickness : null,
        InstanceNumber = d.TryGetInt32(DicomTags.InstanceNumber, out var number) ? number : null,
        SeriesNumber = d.TryGetInt32(DicomTags.SeriesNumber, out var series) ? series : null,
        NumberOfFrames = d.TryGetInt32(DicomTags.NumberOfFrames, out var frames) ? frames : 1,
        IsOwnOutput = OwnOutputRecognizer.IsOwnOutput(d),
    };

    private static string Text(DicomDataset d, DicomTag tag) => d.GetStringOrDefault(tag, "")!.Trim();

    private static double[]? Doubles(DicomDataset d, DicomTag tag, int count)
    {
        if (!d.Contains(tag))
        {
            return null;
        }

        try
        {
            var values = d.GetDoubles(tag);
            return values.Length == count ? values : null;
        }
        catch (DicomException)
        {
            return null;
        }
    }
}
