using Isl.PacsAgent.Selection;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Storage;

public sealed class StudyStoreTests : IDisposable
{
    private readonly TempDirectory temp = new("isl-store");
    private readonly ManualTimeProvider time = new();
    private readonly StudyStore store;

    public StudyStoreTests() => store = new StudyStore(new AgentDatabase(temp.Combine("agent.db")), time);

    public void Dispose() => temp.Dispose();

    private InstanceArrival Arrival(string study, string sop) =>
        new(study, new InstanceHeader { SeriesInstanceUid = "1.2.3.1", SopInstanceUid = sop, Path = $"/spool/{sop}.dcm" }, time.GetUtcNow(), new StudyDemographics("P1", "Doe^Jane", "A1", "CT HEAD", "20260101"));

    private static StudyTriage Triage(double score) => new("1.2.3.1", score, 0.5, "1.0", "hash", DateTimeOffset.UnixEpoch, 1.5);

    [Fact]
    public async Task InstancesAreCataloguedOnceAndTheStudyRemembersItsLastArrival()
    {
        Assert.NotNull(await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.1")));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.NotNull(await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.2")));
        Assert.Null(await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.2")));

        var study = store.Find("1.2.3")!;
        Assert.Equal(StudyState.Received, study.State);
        Assert.Equal(2, study.InstanceCount);
        Assert.Equal(time.GetUtcNow(), study.LastInstanceUtc);
        Assert.Equal("Doe^Jane", study.Demographics.PatientName);
        Assert.Equal(2, store.ListInstances("1.2.3").Count);
        Assert.True(store.ContainsInstance("1.2.3.1.1"));
    }

    [Fact]
    public async Task StudyWalksTheStateMachineAndSurvivesReopening()
    {
        await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.1"));
        store.MarkAssembling("1.2.3");
        var revision = store.BeginScoring("1.2.3");
        Assert.Equal(1, revision);
        Assert.Equal(revision, store.BeginScoring("1.2.3"));
        Assert.True(store.CompleteScoring("1.2.3", revision, Triage(0.8)));
        Assert.True(store.MarkDone("1.2.3", revision));

        var reopened = new StudyStore(new AgentDatabase(temp.Combine("agent.db")), time).Find("1.2.3")!;
        Assert.Equal(StudyState.Done, reopened.State);
        Assert.Equal(0.8, reopened.Triage!.Score);
        Assert.Equal("ABNORMAL", reopened.Triage.Flag);
    }

    [Theory]
    [InlineData(0.8, 1)]
    [InlineData(0.5, 1)]
    [InlineData(0.3, 0)]
    public async Task TheAbnormalColumnKeepsBeingWrittenAndTheVerdictComesFromScoreAndThreshold(double score, long abnormal)
    {
        await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.1"));
        store.MarkAssembling("1.2.3");
        Assert.True(store.CompleteScoring("1.2.3", store.BeginScoring("1.2.3"), Triage(score)));

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.Combine("agent.db")};Pooling=False"))
        {
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT abnormal FROM studies WHERE study_uid = '1.2.3'";
            Assert.Equal(abnormal, (long)query.ExecuteScalar()!);
        }

        Assert.Equal(abnormal == 1, store.Find("1.2.3")!.Triage!.Abnormal);
    }

    [Fact]
    public async Task ForbiddenMovesThrowAndStaleRevisionsAreIgnored()
    {
        await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.1"));
        var ex = Assert.Throws<InvalidStudyTransitionException>(() => store.BeginScoring("1.2.3"));
        Assert.Equal(StudyState.Received, ex.From);

        store.MarkAssembling("1.2.3");
        var first = store.BeginScoring("1.2.3");
        await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.2"));
        store.MarkAssembling("1.2.3");
        Assert.False(store.CompleteScoring("1.2.3", first, Triage(0.1)));
        Assert.Equal(StudyState.Assembling, store.Find("1.2.3")!.State);

        var second = store.BeginScoring("1.2.3");
        Assert.Equal(first + 1, second);
        Assert.True(store.MarkNotAnalysed("1.2.3", second, "no eligible series"));
        Assert.Throws<InvalidStudyTransitionException>(() => store.MarkDone("1.2.3", second));
        Assert.Equal("no eligible series", store.Find("1.2.3")!.Reason);
    }

    [Fact]
    public async Task SeriesDecisionsAndOwnSeriesAreRecorded()
    {
        await store.RecordInstanceAsync(Arrival("1.2.3", "1.2.3.1.1"));
        store.RecordSeriesDecisions("1.2.3", 1, [new SeriesDecision("1.9", false, "is a localizer (SCOUT)", "Scout"), new SeriesDecision("1.8", true, "axial head CT", "Head")]);
        store.RecordOwnSeries("1.2.3", "2.25.7", "SR");

        var decisions = store.ListSeriesDecisions("1.2.3");
        Assert.Equal(["1.8", "1.9"], decisions.Select(d => d.SeriesInstanceUid));
        Assert.True(decisions[0].Selected);
        Assert.True(store.IsOwnSeries("2.25.7"));
        Assert.False(store.IsOwnSeries("1.8"));

        // After a restart the agent still knows its own series (they are read back from the database).
        var reopened = new StudyStore(new AgentDatabase(temp.Combine("agent.db")), time);
        Assert.True(reopened.IsOwnSeries("2.25.7"));
        Assert.False(reopened.IsOwnSeries("1.8"));
    }

    [Fact]
    public async Task ConcurrentArrivalsAreEachCataloguedOnceAndOnlyTheFirstOpensTheStudy()
    {
        var arrivals = Enumerable.Range(0, 200).Select(i => Arrival(i % 2 == 0 ? "1.2.3" : "1.2.4", $"1.2.3.1.{i % 150}")).ToList();

        var recorded = await Task.WhenAll(arrivals.Select(a => Task.Run(() => store.RecordInstanceAsync(a))));

        Assert.Equal(150, recorded.Count(r => r is not null));
        Assert.Equal(2, recorded.Count(r => r is { NewStudy: true }));
        Assert.All(recorded.OfType<RecordedInstance>(), r => Assert.Equal(StudyState.Received, r.State));
        Assert.Equal(150, store.ListInstances("1.2.3").Count + store.ListInstances("1.2.4").Count);
        Assert.Equal(150, store.Find("1.2.3")!.InstanceCount + store.Find("1.2.4")!.InstanceCount);
    }

    [Fact]
    public void StateMachineTableAllowsLateInstancesFromEveryState()
    {
        foreach (var state in Enum.GetValues<StudyState>())
        {
            Assert.True(StudyStateMachine.CanMove(state, StudyState.Assembling));
        }

        Assert.False(StudyStateMachine.CanMove(StudyState.Received, StudyState.Done));
        Assert.False(StudyStateMachine.CanMove(StudyState.Done, StudyState.Delivering));
        Assert.True(StudyStateMachine.IsTerminal(StudyState.NotAnalysed));
    }

    [Fact]
    public async Task AnInstancesHeaderIsCataloguedWithItSoSelectionReadsNoFile()
    {
        var header = new InstanceHeader
        {
            SeriesInstanceUid = "1.2.3.1", SopInstanceUid = "1.2.3.1.7", Path = "/spool/a.dcm", SopClassUid = "1.2.840.10008.5.1.4.1.1.2",
            Modality = "CT", BodyPartExamined = "HEAD", SeriesDescription = "Head 5mm", StudyDescription = "CT HEAD", ProtocolName = "Routine",
            ContrastBolusAgent = "", FilterType = "HEAD FILTER", ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"],
            ImageOrientationPatient = [1, 0, 0, 0, 0.96, -0.28], ImagePositionPatient = [-120.5, -100, 33.25], SliceThickness = 5,
            InstanceNumber = 7, SeriesNumber = 2, NumberOfFrames = 1,
        };
        Assert.NotNull(await store.RecordInstanceAsync(new InstanceArrival("1.2.3", header, time.GetUtcNow(), StudyDemographics.Empty)));

        var stored = Assert.Single(new StudyStore(new AgentDatabase(temp.Combine("agent.db")), time).ListInstances("1.2.3")).Header!;
        Assert.Equal(header with { ImageType = [], ImageOrientationPatient = null, ImagePositionPatient = null }, stored with { ImageType = [], ImageOrientationPatient = null, ImagePositionPatient = null });
        Assert.Equal(header.ImageType, stored.ImageType);
        Assert.Equal(header.ImageOrientationPatient, stored.ImageOrientationPatient);
        Assert.Equal(header.ImagePositionPatient, stored.ImagePositionPatient);
    }

    [Fact]
    public async Task ADatabaseOfAnOlderAgentGainsTheSliceCountsNotesAndHeadersAndKeepsItsStudies()
    {
        var path = temp.Combine("old.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE studies (study_uid TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 0,
                    first_received_utc TEXT NOT NULL, last_instance_utc TEXT NOT NULL, updated_utc TEXT NOT NULL,
                    instance_count INTEGER NOT NULL DEFAULT 0, patient_id TEXT NOT NULL DEFAULT '', patient_name TEXT NOT NULL DEFAULT '',
                    accession_number TEXT NOT NULL DEFAULT '', study_description TEXT NOT NULL DEFAULT '', study_date TEXT NOT NULL DEFAULT '',
                    series_uid TEXT, score REAL, threshold REAL, abnormal INTEGER, model_version TEXT, input_hash TEXT, scored_utc TEXT,
                    scoring_seconds REAL, reason TEXT);
                INSERT INTO studies(study_uid, state, first_received_utc, last_instance_utc, updated_utc)
                VALUES ('9.9', 'Received', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z');
                CREATE TABLE instances (sop_uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL, series_uid TEXT NOT NULL,
                    path TEXT NOT NULL, received_utc TEXT NOT NULL);
                INSERT INTO instances VALUES ('9.9.1.1', '9.9', '9.9.1', '/spool/old.dcm', '2026-01-01T00:00:00.0000000Z');
                """;
            create.ExecuteNonQuery();
        }

        var old = new StudyStore(new AgentDatabase(path), time);
        Assert.Equal(StudyState.Received, old.Find("9.9")!.State);
        Assert.Null(Assert.Single(old.ListInstances("9.9")).Header); // read from its file when the study is scored
        Assert.NotNull(await old.RecordInstanceAsync(new InstanceArrival("9.9", new InstanceHeader { SeriesInstanceUid = "9.9.1", SopInstanceUid = "9.9.1.2", Path = "/spool/new.dcm" }, time.GetUtcNow(), StudyDemographics.Empty)));
        Assert.Equal("9.9.1.2", old.ListInstances("9.9").Single(i => i.Header is not null).SopInstanceUid);
        old.MarkAssembling("9.9");
        var revision = old.BeginScoring("9.9");
        Assert.True(old.CompleteScoring("9.9", revision, Triage(0.7) with { ModelId = "isl-head-ct", SlicesScored = 25, SlicesNotScored = 3, Notes = "3 of 28 slices not scored" }));

        var triage = new StudyStore(new AgentDatabase(path), time).Find("9.9")!.Triage!;
        Assert.Equal(25, triage.SlicesScored);
        Assert.Equal(3, triage.SlicesNotScored);
        Assert.Equal("3 of 28 slices not scored", triage.Notes);
        Assert.Equal("isl-head-ct", triage.ModelId);
    }
}
