using Isl.Model;
using Isl.Model.Preprocessing;

namespace Isl.Trainer.Data;

/// <summary>
/// Turns a folder of pre-windowed 8-bit PNG or JPEG slices into a 1-channel slice cache. With a <c>labels.csv</c> the
/// rows say what to take and its labels: a row naming an image is its own scan (layout of <c>kaggle-head-ct-dev</c>); a
/// row naming a folder is one scan made of the images in it, labelled per scan (layout of <c>ct-ich-dev</c>). Without
/// a labels file every image below the folder (except a top-level <c>masks/</c> folder) is taken unlabelled, one scan
/// each. A k-fold split is by scan, so no scan has slices on both sides. Unreadable files are listed and skipped.
/// </summary>
public static class PngDatasetPreparer
{
    /// <summary>The cache's mode name.</summary>
    public const string Mode = "png-gray";

    /// <summary>The top-level folder of lesion masks (<c>masks/&lt;scan&gt;/&lt;slice&gt;.png</c>), never taken as slices.</summary>
    public const string MasksFolder = "masks";

    /// <summary>The file name patterns of slice images.</summary>
    public static IReadOnlyList<string> ImagePatterns { get; } = ["*.png", "*.jpg", "*.jpeg"];

    /// <summary>The slice images directly in (or below) <paramref name="directory"/>, ordered by name.</summary>
    public static IReadOnlyList<string> ImagesIn(string directory, SearchOption search) => ImagePatterns
        .SelectMany(p => Directory.EnumerateFiles(directory, p, new EnumerationOptions { RecurseSubdirectories = search == SearchOption.AllDirectories, MatchCasing = MatchCasing.CaseInsensitive }))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Prepares <paramref name="sourceDirectory"/> into <paramref name="cacheDirectory"/>; reports (done, total) to <paramref name="progress"/>.</summary>
    public static SliceCacheManifest Prepare(string sourceDirectory, string cacheDirectory, PreparationOptions options, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (!Directory.Exists(sourceDirectory))
        {
            throw new TrainerException($"The input folder {sourceDirectory} does not exist.");
        }

        var (labelNames, scans, problems) = ListInputs(sourceDirectory, options);
        var candidates = new List<(string Name, string Scan, string FullPath, int Index, IReadOnlyList<bool>? Labels)>();
        var scanLevelLabels = false;
        foreach (var (name, fullPath, labels) in scans)
        {
            if (!Directory.Exists(fullPath))
            {
                candidates.Add((name, name, fullPath, 0, labels));
                continue;
            }

            scanLevelLabels |= labels is not null;
            var images = ImagesIn(fullPath, SearchOption.TopDirectoryOnly);
            if (images.Count == 0)
            {
                problems.Add(new InputProblem(name, "the scan folder holds no PNG or JPEG slice"));
            }

            for (var k = 0; k < images.Count; k++)
            {
                candidates.Add(($"{name}/{Path.GetFileName(images[k])}", name, images[k], k, labels));
            }
        }

        var settings = options.ToSettings(InputMode.Gray8);
        var template = new SliceCacheManifest
        {
            Mode = Mode,
            Width = settings.Size,
            Height = settings.Size,
            Channels = 1,
            Preprocessing = settings,
            LabelNames = labelNames,
            SliceLevelLabels = !scanLevelLabels,
            SourceDirectory = Path.GetFullPath(sourceDirectory),
        };
        var preprocessor = new SlicePreprocessor(template.Preprocessing);
        using var writer = new SliceCacheWriter(cacheDirectory, template);
        for (var i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (name, scan, fullPath, index, labels) = candidates[i];
            try
            {
                var slice = preprocessor.FromGray(PngSliceLoader.Load(fullPath));
                writer.Append(new SliceEntry(name, scan, fullPath, index, labels), slice.Pixels, slice.Mask);
            }
            catch (IslModelException ex)
            {
                problems.Add(new InputProblem(name, ex.Message));
            }

            progress?.Report((i + 1, candidates.Count));
        }

        return writer.Complete(problems);
    }

    private static (IReadOnlyList<string> LabelNames, List<(string Name, string FullPath, IReadOnlyList<bool>? Labels)> Candidates, List<InputProblem> Problems) ListInputs(string sourceDirectory, PreparationOptions options)
    {
        var labelsPath = Path.Combine(sourceDirectory, LabelsFile.DefaultName);
        List<(string Name, string FullPath, IReadOnlyList<bool>? Labels)> candidates;
        List<InputProblem> problems;
        IReadOnlyList<string> labelNames;
        if (File.Exists(labelsPath))
        {
            var table = LabelsFile.Load(labelsPath);
            labelNames = table.LabelNames;
            problems = table.Problems.ToList();
            candidates = table.Items
                .Where(item => options.Selection switch
                {
                    SliceSelection.Normals => !item.IsDisorder,
                    SliceSelection.Disorders => item.IsDisorder,
                    _ => true,
                })
                .Select(item => (item.RelativePath, item.FullPath, (IReadOnlyList<bool>?)item.Labels))
                .ToList();
        }
        else
        {
            if (options.Selection != SliceSelection.All)
            {
                throw new TrainerException($"Selecting normals or disorders needs labels, but {sourceDirectory} has no {LabelsFile.DefaultName}.");
            }

            labelNames = [];
            problems = [];
            candidates = ImagesIn(sourceDirectory, SearchOption.AllDirectories)
                .Select(path => (Path.GetRelativePath(sourceDirectory, path).Replace('\\', '/'), path, (IReadOnlyList<bool>?)null))
                .Where(c => !c.Item1.StartsWith(MasksFolder + "/", StringComparison.Ordinal))
                .OrderBy(c => c.Item1, StringComparer.Ordinal)
                .ToList();
        }

        if (options.Fold is { } fold)
        {
            var kept = fold.Keep(candidates.Select(c => c.Name));
            candidates = candidates.Where(c => kept.Contains(c.Name)).ToList();
        }

        return (labelNames, candidates, problems);
    }
}
