using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Pipeline;

/// <summary>The scorer used until a model bundle is wired in: fails every study with a clear reason.</summary>
public sealed class UnavailableStudyScorer : IStudyScorer
{
    /// <inheritdoc />
    public Task<SeriesScore> ScoreAsync(SelectedSeries series, CancellationToken cancellationToken) =>
        throw new ScorerUnavailableException("No ISL model is available to this agent build: configure Scoring:BundlePath once the model engine is wired in.");
}
