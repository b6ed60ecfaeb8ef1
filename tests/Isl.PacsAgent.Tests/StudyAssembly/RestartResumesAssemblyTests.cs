using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.StudyAssembly;

public sealed class RestartResumesAssemblyTests
{
    [Fact]
    public async Task AStudyReceivedBeforeAStopIsScoredAfterTheRestartFromTheQuartzStore()
    {
        using var temp = new TempDirectory("isl-restart");
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 3);
        var builder = new CtStudyBuilder();
        var files = CtStudyBuilder.Save(builder.Series(), temp.Combine("in"));

        var firstScorer = new FakeScorer();
        var first = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(firstScorer));
        await first.StartAsync();
        await AgentFixture.IngestAsync(first, files);

        Assert.Equal(StudyState.Assembling, first.Services.GetRequiredService<StudyStore>().Find(builder.StudyInstanceUid)!.State);
        await first.StopAsync();
        await first.DisposeAsync();
        Assert.Empty(firstScorer.Scored);
        Assert.Equal(1, CountPersistedTriggers(temp.Combine("scheduler.db"), builder.StudyInstanceUid));

        var secondScorer = new FakeScorer();
        var second = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(secondScorer));
        await second.StartAsync();
        try
        {
            var studies = second.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(() => studies.Find(builder.StudyInstanceUid)!.State == StudyState.Done, TimeSpan.FromSeconds(30), "the study to be scored after the restart");
            var scored = Assert.Single(secondScorer.Scored);
            Assert.Equal(20, scored.Slices.Count);
            Assert.Equal(0.8, studies.Find(builder.StudyInstanceUid)!.Triage!.Score);
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

    /// <summary>How many assembly triggers for the study Quartz's store holds.</summary>
    internal static long CountPersistedTriggers(string schedulerDatabase, string studyInstanceUid)
    {
        using var connection = new SqliteConnection($"Data Source={schedulerDatabase};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = $name AND TRIGGER_GROUP = 'assembly'";
        command.Parameters.AddWithValue("$name", studyInstanceUid);
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task AStudyLeftInScoringIsRequeuedOnStart()
    {
        using var temp = new TempDirectory("isl-requeue");
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 0);
        var builder = new CtStudyBuilder();
        var files = CtStudyBuilder.Save(builder.Series(), temp.Combine("in"));
        var store = new StudyStore(new AgentDatabase(temp.Combine("agent.db")), TimeProvider.System);
        foreach (var file in files)
        {
            var d = Isl.Dicom.DicomFile.Open(file).Dataset;
            await store.RecordInstanceAsync(new InstanceArrival(builder.StudyInstanceUid, Isl.PacsAgent.Ingest.DicomInstanceHeaderReader.FromDataset(d, file), DateTimeOffset.UtcNow, StudyDemographics.Empty));
        }

        store.MarkAssembling(builder.StudyInstanceUid);
        store.BeginScoring(builder.StudyInstanceUid);

        var scorer = new FakeScorer(fixedScore: 0.2);
        var app = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(scorer));
        await app.StartAsync();
        try
        {
            await AgentFixture.WaitForAsync(() => store.Find(builder.StudyInstanceUid)!.State == StudyState.Done, TimeSpan.FromSeconds(30), "the interrupted study to be scored");
            Assert.Single(scorer.Scored);
            Assert.Equal(1, store.Find(builder.StudyInstanceUid)!.Revision);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
