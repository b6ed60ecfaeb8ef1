using Isl.Dicom;
using Isl.Model;
using Isl.Model.Runtime;
using Isl.Model.Scoring;
using Isl.PacsAgent.Selection;
using Microsoft.Extensions.Options;
using AgentScoringOptions = Isl.PacsAgent.Configuration.ScoringOptions;

namespace Isl.PacsAgent.Pipeline;

/// <summary>Scores with the ISL model bundle (Isl.Model), loaded once on first use; one study at a time per loaded model.</summary>
public sealed class ModelStudyScorer(IOptions<AgentScoringOptions> options) : IStudyScorer, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IslScorer? scorer;

    /// <summary>The bundle used when <see cref="AgentScoringOptions.BundlePath"/> is empty: the demo bundle beside the app or in the source tree.</summary>
    public static string? DefaultBundlePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "models", "head-ct-demo");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async Task<SeriesScore> ScoreAsync(SelectedSeries series, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Score(series), cancellationToken).ConfigureAwait(false);
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

    private SeriesScore Score(SelectedSeries series)
    {
        var model = scorer ??= Load();
        var slices = series.Slices.Select(s => DicomSlices.FromFile(DicomFile.Open(s.Path), s.SopInstanceUid)).ToList();
        ScanResult result;
        try
        {
            result = model.ScoreHu(slices);
        }
        catch (IslModelException ex)
        {
            throw new ScorerUnavailableException($"The model could not score series {series.SeriesInstanceUid}: {ex.Message}");
        }

        var threshold = result.Threshold ?? throw new ScorerUnavailableException("The model bundle has no calibrated scan threshold; run isl-trainer calibrate on it.");
        var manifest = model.Bundle.Manifest;
        var size = result.HeatmapSize;
        var scored = new SliceScore[series.Slices.Count];
        for (var i = 0; i < result.SliceOrder.Count; i++)
        {
            var input = result.SliceOrder[i];
            scored[input] = new SliceScore(series.Slices[input].SopInstanceUid, result.SliceScores[i], result.Heatmaps.Count > i ? result.Heatmaps[i] : null, size, size);
        }

        return new SeriesScore(result.ScanScore, threshold, "ISL head CT triage", manifest.ModelVersion, scored)
        {
            ModelId = manifest.ModelId,
            DeviceUid = manifest.DeviceUid,
        };
    }

    private IslScorer Load()
    {
        var configured = options.Value.BundlePath;
        var path = configured.Length > 0 ? configured : DefaultBundlePath()
            ?? throw new ScorerUnavailableException("No model bundle: set Scoring:BundlePath (the demo bundle samples/models/head-ct-demo was not found either).");
        var device = options.Value.Device switch
        {
            "cpu" => DeviceOption.Cpu,
            "auto" => DeviceOption.Auto,
            _ => DeviceOption.Cuda,
        };
        try
        {
            return IslScorer.Load(path, device);
        }
        catch (IslModelException ex)
        {
            throw new ScorerUnavailableException($"The model bundle at {path} cannot be loaded: {ex.Message}");
        }
    }
}
