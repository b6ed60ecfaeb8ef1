using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Pipeline;

/// <summary>Scores a selected series with the ISL model (the seam to Isl.Model).</summary>
public interface IStudyScorer
{
    /// <summary>Scores the series' slices.</summary>
    Task<SeriesScore> ScoreAsync(SelectedSeries series, CancellationToken cancellationToken);
}
