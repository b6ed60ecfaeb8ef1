using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Pipeline;

/// <summary><c>Scoring:Workers</c>: how many studies the pipeline carries at once.</summary>
public sealed class ScoringWorkersTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    public async Task WorkersSetHowManyStudiesAreInTheScorerAtOnce(int workers, int expectedAtOnce)
    {
        using var temp = new TempDirectory("isl-workers");
        var first = new CtStudyBuilder { PatientId = "W-1" };
        var second = new CtStudyBuilder { PatientId = "W-2" };
        var files = CtStudyBuilder.Save(first.Series(), temp.Combine("a")).Concat(CtStudyBuilder.Save(second.Series(), temp.Combine("b"))).ToList();
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 1);
        settings["Scoring:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scorer = new OverlapScorer();
        var app = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(scorer));
        await app.StartAsync();
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var studies = app.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(
                () => new[] { first, second }.All(s => studies.Find(s.StudyInstanceUid)?.State is StudyState.Done or StudyState.Failed or StudyState.NotAnalysed),
                TimeSpan.FromSeconds(60), "both studies to be scored");

            Assert.All(new[] { first, second }, s => Assert.Equal(StudyState.Done, studies.Find(s.StudyInstanceUid)!.State));
            Assert.Equal(expectedAtOnce, scorer.MostAtOnce);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Holds each study 3 s (both studies are queued well within that) and counts how many it ever held at once.</summary>
    private sealed class OverlapScorer : IStudyScorer
    {
        private readonly FakeScorer inner = new();
        private readonly Lock counting = new();
        private int inFlight;

        public int MostAtOnce { get; private set; }

        public async Task<SeriesScore> ScoreAsync(LoadedSeries series, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (counting)
            {
                MostAtOnce = Math.Max(MostAtOnce, now);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                return await inner.ScoreAsync(series, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
