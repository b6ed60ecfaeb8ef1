using System.Globalization;
using Isl.Dicom;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Selection;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.PacsAgent.Worklist;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Pipeline;

/// <summary>Slices the model did not score (too little intracranial area) and series with no scorable slice.</summary>
public sealed class NotScoredSlicesPipelineTests
{
    [Fact]
    public async Task SlicesTheModelDidNotScoreAreCountedGetNoHeatmapAndNeverCarryTheRegion()
    {
        using var temp = new TempDirectory("isl-not-scored");
        var scorer = new PartlyScoringScorer();
        var run = await ScoreOneStudyAsync(temp, scorer, "NS-1");

        Assert.Equal(StudyState.Done, run.Record.State);
        Assert.Equal(15, run.Record.Triage!.SlicesScored);
        Assert.Equal(5, run.Record.Triage.SlicesNotScored);
        Assert.Contains("5 of 20 slices not scored (too little intracranial area)", run.Record.Triage.Notes, StringComparison.Ordinal);
        var entry = Assert.Single(WorklistOrdering.Order(run.All));
        Assert.Equal(5, entry.SlicesNotScored);

        var srPath = run.Outputs.Single(f => DicomFile.Open(f).Dataset.GetString(DicomTags.Modality) == "SR");
        Dciodvfy.AssertClean(srPath);
        var sr = DicomFile.Open(srPath).Dataset;
        var items = Flatten(sr.GetSequence(DicomTags.ContentSequence)).ToList();
        Assert.Equal(15, Numeric(items, "ISL004"));
        Assert.Equal(5, Numeric(items, "ISL005"));
        Assert.Contains(items, i => i.GetStringOrDefault(DicomTags.TextValue, "")!.Contains("5 of 20 slices not scored", StringComparison.Ordinal));
        Assert.Equal(20, TriageSrContent.Read(sr).ReferencedSopInstanceUids.Count);

        var regionImage = items.Single(i => i.GetStringOrDefault(DicomTags.ValueType, "") == "SCOORD")
            .GetSequence(DicomTags.ContentSequence)[0].GetSequence(DicomTags.ReferencedSOPSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID);
        Assert.Equal(scorer.BestScoredSlice, regionImage);

        var heatmapSources = run.Outputs.Select(f => DicomFile.Open(f).Dataset).Where(d => d.GetString(DicomTags.Modality) == "OT" && d.GetInt32(DicomTags.InstanceNumber) > 1)
            .Select(d => d.GetSequence(DicomTags.SourceImageSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID)).ToList();
        Assert.Equal(15, heatmapSources.Count);
        Assert.Empty(heatmapSources.Intersect(scorer.NotScored));
    }

    [Fact]
    public async Task ASeriesWithoutAScorableSliceIsNotAnalysedWithTheReasonNotFailed()
    {
        using var temp = new TempDirectory("isl-no-scorable");
        var study = new CtStudyBuilder { PatientId = "NS-2" };
        var files = CtStudyBuilder.Save(study.Series(), temp.Combine("in"));
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 2);
        AgentFixture.AddCStoreDestination(settings);
        var sender = new RecordingCStoreSender();
        var app = AgentFixture.Build(settings, s =>
        {
            s.AddSingleton<ICStoreSender>(sender);
            s.AddSingleton<IStudyScorer>(new UnscorableScorer());
        });
        await app.StartAsync();
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var deliveries = app.Services.GetRequiredService<DeliveryStore>();
            await AgentFixture.WaitForAsync(() => deliveries.ListForStudy(study.StudyInstanceUid) is [{ State: DeliveryState.Delivered }], TimeSpan.FromSeconds(30), "the not-analysed SR to be delivered");

            var record = app.Services.GetRequiredService<StudyStore>().Find(study.StudyInstanceUid)!;
            Assert.Equal(StudyState.NotAnalysed, record.State);
            Assert.Equal(UnscorableScorer.Reason, record.Reason);
            var sr = DicomFile.Open(Assert.Single(Assert.Single(sender.Sent))).Dataset;
            Assert.Contains(Flatten(sr.GetSequence(DicomTags.ContentSequence)), i => i.GetStringOrDefault(DicomTags.TextValue, "") == UnscorableScorer.Reason);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheSeriesIsReadOnceTheReportIsBuiltFromWhatWasLoadedWithoutOpeningTheFilesAgain()
    {
        using var temp = new TempDirectory("isl-read-once");
        var scorer = new SpoolEmptyingScorer();
        var run = await ScoreOneStudyAsync(temp, scorer, "NS-3");

        Assert.True(run.Record.State == StudyState.Done, run.Record.Reason);
        Assert.Equal(run.FileCount, scorer.Deleted);
        Assert.All(run.Instances, i => Assert.False(File.Exists(i.Path)));
        var loaded = Assert.Single(scorer.Inner.Loaded);
        Assert.Equal(run.FileCount, loaded.Slices.Count);
        Assert.Equal(loaded.Series.Slices.Select(s => s.SopInstanceUid), loaded.Slices.Select(s => s.SopInstanceUid));

        var datasets = run.Outputs.Select(f => DicomFile.Open(f).Dataset).ToList();
        Assert.Single(datasets, d => d.GetString(DicomTags.Modality) == "SR");
        Assert.Equal(run.FileCount, datasets.Count(d => d.GetString(DicomTags.Modality) == "OT" && d.GetInt32(DicomTags.InstanceNumber) > 1));
        Assert.All(run.Outputs, f => Dciodvfy.AssertClean(f));
    }

    /// <summary>One 20-slice study through the agent with <paramref name="scorer"/>, until it is done or failed.</summary>
    private static async Task<ScoredStudy> ScoreOneStudyAsync(TempDirectory temp, IStudyScorer scorer, string patientId)
    {
        var study = new CtStudyBuilder { PatientId = patientId };
        var files = CtStudyBuilder.Save(study.Series(), temp.Combine("in"));
        var app = AgentFixture.Build(AgentFixture.Settings(temp, stableAgeSeconds: 2), s => s.AddSingleton(scorer));
        await app.StartAsync();
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var studies = app.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(() => studies.Find(study.StudyInstanceUid)?.State is StudyState.Done or StudyState.Failed, TimeSpan.FromSeconds(30), "the study to be scored");
            var record = studies.Find(study.StudyInstanceUid)!;
            return new ScoredStudy(record, studies.ListAll(), studies.ListInstances(study.StudyInstanceUid), files.Count,
                ResultFiles.List(temp.Combine("outputs"), study.StudyInstanceUid, record.Revision));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed record ScoredStudy(StudyRecord Record, IReadOnlyList<StudyRecord> All, IReadOnlyList<StoredInstance> Instances, int FileCount, IReadOnlyList<string> Outputs);

    private static IEnumerable<DicomDataset> Flatten(IReadOnlyList<DicomDataset> items)
    {
        foreach (var item in items)
        {
            yield return item;
            if (item.TryGetSequence(DicomTags.ContentSequence, out var children))
            {
                foreach (var child in Flatten(children))
                {
                    yield return child;
                }
            }
        }
    }

    private static double Numeric(IEnumerable<DicomDataset> items, string code) =>
        double.Parse(
            items.Single(i => i.GetStringOrDefault(DicomTags.ValueType, "") == "NUM" && i.GetSequence(DicomTags.ConceptNameCodeSequence)[0].GetString(DicomTags.CodeValue) == code)
                .GetSequence(DicomTags.MeasuredValueSequence)[0].GetString(DicomTags.NumericValue).Trim(),
            CultureInfo.InvariantCulture);

    /// <summary>Scores 20 slices but leaves the first 3 and the last 2 unscored; an unscored slice has the highest raw score.</summary>
    private sealed class PartlyScoringScorer : IStudyScorer
    {
        public List<string> NotScored { get; } = [];

        public string BestScoredSlice { get; private set; } = "";

        public Task<SeriesScore> ScoreAsync(LoadedSeries series, CancellationToken cancellationToken)
        {
            var slices = series.Slices.Select((s, i) =>
            {
                var counts = i >= 3 && i < series.Slices.Count - 2;
                var map = new float[64];
                map[27] = 1;
                return new SliceScore(s.SopInstanceUid, counts ? 0.5 + (i == 10 ? 0.3 : 0) : 9, map, 8, 8) { Scored = counts };
            }).ToList();
            NotScored.AddRange(slices.Where(s => !s.Scored).Select(s => s.SopInstanceUid));
            BestScoredSlice = slices[10].SopInstanceUid;
            return Task.FromResult(new SeriesScore(0.55, 0.5, "fake", "0.0-test", slices));
        }
    }

    /// <summary>Deletes every spooled file of the series while it scores: what comes after may use only what was loaded.</summary>
    private sealed class SpoolEmptyingScorer : IStudyScorer
    {
        public FakeScorer Inner { get; } = new(heatmaps: true);

        public int Deleted { get; private set; }

        public Task<SeriesScore> ScoreAsync(LoadedSeries series, CancellationToken cancellationToken)
        {
            foreach (var slice in series.Series.Slices)
            {
                File.Delete(slice.Path);
                Deleted++;
            }

            return Inner.ScoreAsync(series, cancellationToken);
        }
    }

    private sealed class UnscorableScorer : IStudyScorer
    {
        public const string Reason = "no slice of series X could be scored: every slice has less intracranial area than 4% of the image";

        public Task<SeriesScore> ScoreAsync(LoadedSeries series, CancellationToken cancellationToken) =>
            throw new SeriesNotScorableException(Reason);
    }
}
