using Isl.Model;
using Isl.Model.Preprocessing;

namespace Isl.Trainer.Data;

/// <summary>
/// Turns a folder of pre-windowed 8-bit PNG slices into a 1-channel slice cache. With a <c>labels.csv</c> the rows
/// say which files to take and their labels (layout of <c>kaggle-head-ct-dev</c>); without one every <c>*.png</c>
/// below the folder is taken unlabelled. Each PNG is its own scan. Unreadable files are listed and skipped.
/// </summary>
public static class PngDatasetPreparer
{
    /// <summary>The cache's mode name.</summary>
    public const string Mode = "png-gray";

    /// <summary>Prepares <paramref name="sourceDirectory"/> into <paramref name="cacheDirectory"/>; reports (done, total) to <paramref name="progress"/>.</summary>
    public static SliceCacheManifest Prepare(string sourceDirectory, string cacheDirectory, PreparationOptions options, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (!Directory.Exists(sourceDirectory))
        {
            throw new TrainerException($"The input folder {sourceDirectory} does not exist.");
        }

        var (labelNames, candidates, problems) = ListInputs(sourceDirectory, options);
        var settings = options.ToSettings(InputMode.Gray8);
        var template = new SliceCacheManifest
        {
            Mode = Mode,
            Width = settings.Size,
            Height = settings.Size,
            Channels = 1,
            Preprocessing = settings,
            LabelNames = labelNames,
            SourceDirectory = Path.GetFullPath(sourceDirectory),
        };
        var preprocessor = new SlicePreprocessor(template.Preprocessing);
        using var writer = new SliceCacheWriter(cacheDirectory, template);
        for (var i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (name, fullPath, labels) = candidates[i];
            try
            {
                var slice = preprocessor.FromGray(PngSliceLoader.Load(fullPath));
                writer.Append(new SliceEntry(name, name, fullPath, 0, labels), slice.Pixels, slice.Mask);
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
            candidates = Directory.EnumerateFiles(sourceDirectory, "*.png", SearchOption.AllDirectories)
                .Select(path => (Path.GetRelativePath(sourceDirectory, path).Replace('\\', '/'), path, (IReadOnlyList<bool>?)null))
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
