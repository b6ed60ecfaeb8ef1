using Isl.Dicom;

namespace Isl.Trainer.Data.Dicom;

/// <summary>Reads <see cref="DicomSliceHeader"/>s without the pixel data; files that are not DICOM become problems.</summary>
public static class DicomHeaderReader
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopAtTag = DicomTags.PixelData };

    /// <summary>The header of <paramref name="path"/>, or null with the reason in <paramref name="problems"/>.</summary>
    public static DicomSliceHeader? TryRead(string path, ICollection<InputProblem> problems)
    {
        try
        {
            var dataset = DicomFile.Open(path, HeaderOnly).Dataset;
            return new DicomSliceHeader(
                path,
                dataset.GetStringOrDefault(DicomTags.SeriesInstanceUID) ?? "",
                dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) ?? Path.GetFileName(path),
                dataset.GetStringOrDefault(DicomTags.Modality) ?? "",
                dataset.Contains(DicomTags.ImageType) ? dataset.GetStrings(DicomTags.ImageType) : [],
                Doubles(dataset, DicomTags.ImageOrientationPatient, 6),
                Doubles(dataset, DicomTags.ImagePositionPatient, 3),
                dataset.GetStringOrDefault(DicomTags.SeriesDescription) ?? "");
        }
        catch (DicomException ex)
        {
            problems.Add(new InputProblem(path, $"not a readable DICOM file: {ex.Message}"));
        }
        catch (IOException ex)
        {
            problems.Add(new InputProblem(path, $"cannot be read: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            problems.Add(new InputProblem(path, $"cannot be read: {ex.Message}"));
        }

        return null;
    }

    private static double[]? Doubles(DicomDataset dataset, DicomTag tag, int count)
    {
        try
        {
            var values = dataset.Contains(tag) ? dataset.GetDoubles(tag) : [];
            return values.Length == count && values.All(double.IsFinite) ? values : null;
        }
        catch (DicomException)
        {
            return null;
        }
    }
}
