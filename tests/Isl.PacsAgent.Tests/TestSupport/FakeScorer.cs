using System.Collections.Concurrent;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>A scorer that returns a fixed score per study and records what it was asked.</summary>
public sealed class FakeScorer(double score = 0.8, double threshold = 0.5) : IStudyScorer
{
    public ConcurrentBag<SelectedSeries> Scored { get; } = [];

    public Task<SeriesScore> ScoreAsync(SelectedSeries series, CancellationToken cancellationToken)
    {
        Scored.Add(series);
        return Task.FromResult(new SeriesScore(score, threshold, "fake", "0.0-test", series.Slices.Select(s => new SliceScore(s.SopInstanceUid, score, null, 0, 0)).ToList()));
    }
}
