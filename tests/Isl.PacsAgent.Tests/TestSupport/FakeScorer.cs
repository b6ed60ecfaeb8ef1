using System.Collections.Concurrent;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>A scorer that returns a fixed score (or one per study, <see cref="ScoresByStudy"/>) and records what it was asked.</summary>
public sealed class FakeScorer(double fixedScore = 0.8, double threshold = 0.5, bool heatmaps = false) : IStudyScorer
{
    public ConcurrentBag<SelectedSeries> Scored { get; } = [];

    /// <summary>The series as the pipeline loaded them for this scorer.</summary>
    public ConcurrentBag<LoadedSeries> Loaded { get; } = [];

    /// <summary>Scores by StudyInstanceUID; studies not listed get the fixed score.</summary>
    public ConcurrentDictionary<string, double> ScoresByStudy { get; } = new(StringComparer.Ordinal);

    public Task<SeriesScore> ScoreAsync(LoadedSeries series, CancellationToken cancellationToken)
    {
        Scored.Add(series.Series);
        Loaded.Add(series);
        var score = ScoresByStudy.GetValueOrDefault(series.Series.StudyInstanceUid, fixedScore);
        return Task.FromResult(new SeriesScore(score, threshold, "fake", "0.0-test", series.Slices.Select((s, i) => heatmaps
                ? new SliceScore(s.SopInstanceUid, score + (i * 0.001), HotSpot(), 8, 8)
                : new SliceScore(s.SopInstanceUid, score, null, 0, 0)).ToList()));
    }

    private static float[] HotSpot()
    {
        var map = new float[64];
        map[27] = 1;
        map[28] = 0.8f;
        map[35] = 0.7f;
        return map;
    }
}
