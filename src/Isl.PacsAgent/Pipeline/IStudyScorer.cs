namespace Isl.PacsAgent.Pipeline;

/// <summary>Scores a selected series with the ISL model (the seam to Isl.Model).</summary>
public interface IStudyScorer
{
    /// <summary>Scores the series' slices, as loaded once for the whole pipeline.</summary>
    /// <exception cref="SeriesNotScorableException">The series' data cannot be scored (the study is then not analysed).</exception>
    /// <exception cref="ScorerUnavailableException">No usable model.</exception>
    Task<SeriesScore> ScoreAsync(LoadedSeries series, CancellationToken cancellationToken);

    /// <summary>
    /// Loads and validates the model now (idempotent; the agent calls it at start-up) and says which it is; null for a
    /// scorer without a model bundle.
    /// </summary>
    /// <exception cref="ScorerUnavailableException">The model is missing or cannot score DICOM studies.</exception>
    ModelIdentity? LoadModel() => null;
}
