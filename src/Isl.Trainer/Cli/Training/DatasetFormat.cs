using Isl.Trainer.Data;
using Isl.Trainer.Data.Dicom;

namespace Isl.Trainer.Cli.Training;

/// <summary>Tells PNG sets from DICOM study folders and dispatches preparation.</summary>
internal static class DatasetFormat
{
    /// <summary><c>png</c> (PNG or JPEG slices) when the folder holds any such image, otherwise <c>dicom</c>.</summary>
    public static string Detect(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new TrainerException($"The input folder {directory} does not exist.");
        }

        return PngDatasetPreparer.ImagesIn(directory, SearchOption.AllDirectories).Count > 0 ? "png" : "dicom";
    }

    /// <summary>Prepares DICOM study folders.</summary>
    public static SliceCacheManifest PrepareDicom(string data, string output, PreparationOptions options, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken) =>
        DicomDatasetPreparer.Prepare(data, output, options, progress, cancellationToken);
}
