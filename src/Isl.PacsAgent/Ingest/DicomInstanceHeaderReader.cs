using Isl.Dicom;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Selection;
using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Ingest;

/// <summary>Reads the selection attributes of spooled Part 10 files, stopping before the pixel data.</summary>
public sealed class DicomInstanceHeaderReader : IInstanceHeaderReader
{
    /// <inheritdoc />
    public InstanceHeader Read(StoredInstance instance)
    {
        var file = DicomFile.Open(instance.Path, new DicomReadOptions { StopAtTag = DicomTags.PixelData });
        return FromDataset(file.Dataset, instance.Path);
    }

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
