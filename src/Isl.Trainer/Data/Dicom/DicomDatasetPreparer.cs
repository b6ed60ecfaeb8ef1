using Isl.Dicom;
using Isl.Dicom.Imaging;
using Isl.Model;
using Isl.Model.Preprocessing;

namespace Isl.Trainer.Data.Dicom;

/// <summary>
/// Turns DICOM study folders into a slice cache with one channel per HU window. With a <c>labels.csv</c> its rows
/// name the study folders and their labels (labels are then per scan); without one, every sub-folder is a study
/// (or the folder itself when its files sit at the top). Each study contributes its selected series
/// (<see cref="DicomSeriesSelection"/>); unreadable files, other modalities, localizers, unsupported transfer
/// syntaxes and studies with too few slices are listed with reasons and skipped.
/// </summary>
public static class DicomDatasetPreparer
{
    /// <summary>The cache's mode name.</summary>
    public const string Mode = "dicom-windows";

    /// <summary>Prepares <paramref name="sourceDirectory"/> into <paramref name="cacheDirectory"/>; reports (studies done, total).</summary>
    public static SliceCacheManifest Prepare(string sourceDirectory, string cacheDirectory, PreparationOptions options, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (!Directory.Exists(sourceDirectory))
        {
            throw new TrainerException($"The input folder {sourceDirectory} does not exist.");
        }

        var (labelNames, studies, problems) = ListStudies(sourceDirectory, options);
        var settings = options.ToSettings(InputMode.HuWindows);
        var template = new SliceCacheManifest
        {
            Mode = Mode,
            Width = settings.Size,
            Height = settings.Size,
            Channels = settings.Channels,
            Preprocessing = settings,
            SliceLevelLabels = false,
            LabelNames = labelNames,
            SourceDirectory = Path.GetFullPath(sourceDirectory),
        };
        var preprocessor = new SlicePreprocessor(template.Preprocessing);
        using var writer = new SliceCacheWriter(cacheDirectory, template);
        for (var s = 0; s < studies.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddStudy(writer, preprocessor, studies[s], options, problems, cancellationToken);
            progress?.Report((s + 1, studies.Count));
        }

        return writer.Complete(problems);
    }

    private static void AddStudy(SliceCacheWriter writer, SlicePreprocessor preprocessor, (string Name, string Folder, IReadOnlyList<bool>? Labels) study, PreparationOptions options, List<InputProblem> problems, CancellationToken cancellationToken)
    {
        var headers = new List<DicomSliceHeader>();
        foreach (var file in Directory.EnumerateFiles(study.Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file).Equals(LabelsFile.DefaultName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (DicomHeaderReader.TryRead(file, problems) is { } header)
            {
                headers.Add(header);
            }
        }

        var series = DicomSeriesSelection.Select(headers, problems);
        var slices = new List<(DicomSliceHeader Header, float[] Pixels, float[] Mask)>();
        foreach (var header in series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var file = DicomFile.Open(header.Path);
                var pixels = DicomPixelData.Create(file);
                var hu = pixels.GetHounsfieldFrame(0);
                var slice = preprocessor.FromHu(hu, pixels.Rows, pixels.Columns);
                slices.Add((header, slice.Pixels, slice.Mask));
            }
            catch (IslModelException ex)
            {
                problems.Add(new InputProblem(header.Path, ex.Message));
            }
            catch (DicomException ex)
            {
                problems.Add(new InputProblem(header.Path, $"pixel data cannot be used: {ex.Message}"));
            }
            catch (IOException ex)
            {
                problems.Add(new InputProblem(header.Path, $"cannot be read: {ex.Message}"));
            }
        }

        if (slices.Count < options.MinimumSlices)
        {
            problems.Add(new InputProblem(study.Name, $"only {slices.Count} usable CT slice(s); at least {options.MinimumSlices} needed"));
            return;
        }

        for (var i = 0; i < slices.Count; i++)
        {
            var (header, values, mask) = slices[i];
            writer.Append(new SliceEntry($"{study.Name}/{header.SopInstanceUid}", study.Name, header.Path, i, study.Labels), values, mask);
        }
    }

    private static (IReadOnlyList<string> LabelNames, List<(string Name, string Folder, IReadOnlyList<bool>? Labels)> Studies, List<InputProblem> Problems) ListStudies(string sourceDirectory, PreparationOptions options)
    {
        var labelsPath = Path.Combine(sourceDirectory, LabelsFile.DefaultName);
        IReadOnlyList<string> labelNames = [];
        List<InputProblem> problems = [];
        List<(string Name, string Folder, IReadOnlyList<bool>? Labels)> studies;
        if (File.Exists(labelsPath))
        {
            var table = LabelsFile.Load(labelsPath);
            labelNames = table.LabelNames;
            problems.AddRange(table.Problems);
            studies = [];
            foreach (var item in table.Items)
            {
                if (!Directory.Exists(item.FullPath))
                {
                    problems.Add(new InputProblem(item.RelativePath, "DICOM labels rows must name study folders"));
                }
                else if (options.Selection switch { SliceSelection.Normals => !item.IsDisorder, SliceSelection.Disorders => item.IsDisorder, _ => true })
                {
                    studies.Add((item.RelativePath.TrimEnd('/'), item.FullPath, item.Labels));
                }
            }
        }
        else
        {
            if (options.Selection != SliceSelection.All)
            {
                throw new TrainerException($"Selecting normals or disorders needs labels, but {sourceDirectory} has no {LabelsFile.DefaultName}.");
            }

            var hasTopLevelFiles = Directory.EnumerateFiles(sourceDirectory).Any();
            studies = hasTopLevelFiles
                ? [(Path.GetFileName(Path.GetFullPath(sourceDirectory).TrimEnd('/')), sourceDirectory, null)]
                : Directory.EnumerateDirectories(sourceDirectory).Order(StringComparer.Ordinal).Select(d => (Path.GetFileName(d), d, (IReadOnlyList<bool>?)null)).ToList();
        }

        if (options.Fold is { } fold)
        {
            var kept = fold.Keep(studies.Select(s => s.Name));
            studies = studies.Where(s => kept.Contains(s.Name)).ToList();
        }

        return (labelNames, studies, problems);
    }
}
