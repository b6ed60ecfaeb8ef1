using System.Globalization;
using System.Security.Cryptography;
using Isl.Dicom;
using Isl.Model;
using Isl.Model.Bundles;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Selection;
using Microsoft.Extensions.Options;
using AgentScoringOptions = Isl.PacsAgent.Configuration.ScoringOptions;

namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// Scores with the ISL model bundle (Isl.Model), loaded and validated once (at start-up, <see cref="LoadModel"/>); one
/// study at a time per loaded model. Unreadable slices are left out (the rest is scored if enough remain); a series
/// thinner than <see cref="AgentScoringOptions.ThinSliceThicknessMm"/> is scored as slabs of the model's thickness.
/// </summary>
public sealed class ModelStudyScorer(IOptions<AgentScoringOptions> options, IOptions<SeriesSelectionOptions> selection) : IStudyScorer, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock loading = new();
    private IslScorer? scorer;
    private ModelIdentity? identity;

    /// <summary>
    /// The bundle folder that <paramref name="configured"/> names: an absolute path as it is; a relative one beside the
    /// agent (<see cref="AppContext.BaseDirectory"/>, where a build or publish puts <c>samples/models/head-ct</c>) when it
    /// exists there, else in the working folder.
    /// </summary>
    public static string ResolveBundlePath(string configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }

        var besideApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured));
        return Directory.Exists(besideApp) ? besideApp : Path.GetFullPath(configured);
    }

    /// <inheritdoc />
    public ModelIdentity LoadModel()
    {
        lock (loading)
        {
            if (identity is null)
            {
                (scorer, identity) = Load();
            }

            return identity;
        }
    }

    /// <inheritdoc />
    public async Task<SeriesScore> ScoreAsync(LoadedSeries series, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Score(series, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        scorer?.Dispose();
        gate.Dispose();
    }

    private SeriesScore Score(LoadedSeries series, CancellationToken cancellationToken)
    {
        LoadModel();
        var model = scorer!;
        var manifest = model.Bundle.Manifest;
        var modelThickness = manifest.Preprocessing.SliceThicknessMm;
        var thin = options.Value.ThinSliceThicknessMm;
        var thickness = series.Series.SliceThicknessMm;
        var slabbed = thin > 0 && thickness < thin && modelThickness > thickness;
        var slices = series.Slices;
        var groups = slabbed
            ? SliceSlabs.Group(slices.Select(s => s.Header).ToList(), thickness, modelThickness)
            : Enumerable.Range(0, slices.Count).Select(i => (IReadOnlyList<int>)[i]).ToList();

        // The series is already in slice order (selection): the slabs and the scores keep it.
        var skipped = new List<SkippedInstance>(series.Unreadable);
        var inputs = new List<(HuSlice Slice, IReadOnlyList<InstanceHeader> Sources)>();
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = slices[group[0]].Pixels;
            var members = new List<LoadedSlice>(group.Count);
            foreach (var slice in group.Select(i => slices[i]))
            {
                if (slice.Pixels.Rows != first.Rows || slice.Pixels.Columns != first.Columns)
                {
                    skipped.Add(new SkippedInstance(slice.SopInstanceUid, Invariant(
                        $"{slice.Pixels.Columns}×{slice.Pixels.Rows} pixels, unlike the {first.Columns}×{first.Rows} of its neighbours")));
                }
                else
                {
                    members.Add(slice);
                }
            }

            inputs.Add((Average(members.Select(m => m.Pixels).ToList()), members.Select(m => m.Header).ToList()));
        }

        var readableSlices = inputs.Sum(i => i.Sources.Count);
        if (skipped.Count > 0 && readableSlices < selection.Value.MinSlices)
        {
            throw new SeriesNotScorableException(Invariant(
                $"only {readableSlices} of {series.Series.Slices.Count} slices of series {series.SeriesInstanceUid} could be read (at least {selection.Value.MinSlices} are needed): {Describe(skipped)}"));
        }

        ScanResult result;
        try
        {
            result = model.ScoreHu(inputs.Select(i => i.Slice).ToList(), ordered: true);
        }
        catch (NoScorableSliceException ex)
        {
            throw new SeriesNotScorableException($"no slice of series {series.SeriesInstanceUid} could be scored: {ex.Message}");
        }
        catch (IslModelException ex)
        {
            throw new ScorerUnavailableException($"The model could not score series {series.SeriesInstanceUid}: {ex.Message}");
        }

        var threshold = result.Threshold ?? throw new ScorerUnavailableException("The model bundle has no calibrated scan threshold; run isl-trainer calibrate on it.");
        var size = result.HeatmapSize;
        var scored = inputs.Select((input, i) =>
        {
            var sources = input.Sources;
            var counts = result.IsScored(i);
            return new SliceScore(sources[sources.Count / 2].SopInstanceUid, result.SliceScores[i], counts && result.Heatmaps.Count > i ? result.Heatmaps[i] : null, size, size)
            {
                SourceSopInstanceUids = sources.Count > 1 || slabbed ? sources.Select(s => s.SopInstanceUid).ToList() : [],
                Scored = counts,
                Peak = counts && result.HeatmapPeaks.Count > i ? result.HeatmapPeaks[i] : null,
            };
        }).ToList();

        return new SeriesScore(result.ScanScore, threshold, "ISL head CT triage", manifest.ModelVersion, scored)
        {
            ModelId = manifest.ModelId,
            DeviceUid = manifest.DeviceUid,
            Skipped = skipped,
            SlabThicknessMm = slabbed ? modelThickness : null,
        };
    }

    /// <summary>The voxel-wise HU mean of consecutive slices, placed at the central one.</summary>
    private static HuSlice Average(IReadOnlyList<HuSlice> slices)
    {
        var central = slices[slices.Count / 2];
        if (slices.Count == 1)
        {
            return central;
        }

        var sum = new float[central.Hu.Length];
        foreach (var slice in slices)
        {
            var hu = slice.Hu;
            for (var p = 0; p < sum.Length; p++)
            {
                sum[p] += hu[p];
            }
        }

        var scale = 1f / slices.Count;
        for (var p = 0; p < sum.Length; p++)
        {
            sum[p] *= scale;
        }

        return central with { Hu = sum };
    }

    private static string Describe(IEnumerable<SkippedInstance> skipped) =>
        string.Join("; ", skipped.Select(s => $"{s.SopInstanceUid}: {s.Reason}"));

    private (IslScorer Scorer, ModelIdentity Identity) Load()
    {
        var configured = options.Value.BundlePath;
        if (configured.Length == 0)
        {
            throw new ScorerUnavailableException("No model bundle: set Scoring:BundlePath to a bundle folder made by isl-trainer.");
        }

        var path = ResolveBundlePath(configured);
        var manifestPath = Path.Combine(path, ModelBundle.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            var where = Path.IsPathRooted(configured)
                ? path
                : $"{Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured))} (beside the agent) or {Path.GetFullPath(configured)} (working folder)";
            throw new ScorerUnavailableException($"No model bundle at {where} (Scoring:BundlePath '{configured}'): {ModelBundle.ManifestFile} is missing.");
        }

        IslScorer loaded;
        try
        {
            var device = DeviceOption.Parse(options.Value.Device);
            var engine = InferenceEngines.Parse(options.Value.Engine);
            loaded = IslScorer.Load(path, device, new Isl.Model.Scoring.ScoringOptions { Engine = engine });
        }
        catch (Exception ex) when (ex is IslModelException or IOException or UnauthorizedAccessException or DllNotFoundException or TypeInitializationException)
        {
            throw new ScorerUnavailableException($"The model bundle at {path} cannot be loaded: {ex.Message}");
        }

        var problem = loaded.Bundle.Manifest.Preprocessing.HuInputProblem();
        if (problem is not null)
        {
            loaded.Dispose();
            throw new ScorerUnavailableException($"The model bundle at {path} cannot score DICOM studies: {problem}");
        }

        var manifest = loaded.Bundle.Manifest;
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifestPath)));
        return (loaded, new ModelIdentity(manifest.ModelId, manifest.ModelVersion, sha, path, loaded.Networks));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
