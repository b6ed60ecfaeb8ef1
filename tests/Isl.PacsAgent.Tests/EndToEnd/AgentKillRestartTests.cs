using System.Text.Json;
using Isl.PacsAgent.Tests.TestSupport;
using Xunit.Abstractions;
using Isl.Testing;
using Microsoft.Data.Sqlite;

namespace Isl.PacsAgent.Tests.EndToEnd;

/// <summary>
/// The real <c>isl-agent run</c> process acknowledges a study sent by storescu and is killed with SIGKILL before the
/// stable age has passed (so before scoring); started again with the same configuration, it scores the study from its
/// spool and durable Quartz trigger alone (the restart rebuilds no trigger), exactly once, and delivers the SR and
/// heatmap series to a real Orthanc.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ModelScoringCollection.Name)]
public sealed class AgentKillRestartTests(ITestOutputHelper output)
{
    private const int Slices = PhantomFiles.SharedSlices;

    [Fact]
    public async Task AStudyAcknowledgedBeforeASigkillIsScoredAndDeliveredAfterTheRestart()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var temp = new TempDirectory("isl-sigkill");
        using var orthanc = await PacsOrthanc.StartAsync();
        var (studyUid, input) = PhantomFiles.SharedNormal;

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: phantom written");
        var dicomPort = FreePort.Next();
        var configuration = AgentProcess.Configuration(temp.Combine("agent"), dicomPort, FreePort.Next(), stableAgeSeconds: 6);
        AgentProcess.AddOrthancDestination(configuration, orthanc.RestRoot);
        var configPath = temp.Combine("agent.json");

        using (var first = await AgentProcess.StartAsync(configPath, configuration))
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: first agent up");
            PeerChecks.StoreScu(dicomPort, input);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: storescu done");
            var acknowledged = await first.StudyAsync(studyUid);
            Assert.True(acknowledged is { } a && AgentProcess.StateName(a) == "Assembling" && a.GetProperty("instanceCount").GetInt32() == Slices, $"after the C-STORE: {acknowledged}\n{first.Log}");
            first.KillHard();
        }

        var (state, revision) = ReadStudyRow(temp.Combine("agent", "agent.db"), studyUid);
        Assert.Equal(("Assembling", 0), (state, revision));
        Assert.Equal(1, Isl.PacsAgent.Tests.StudyAssembly.RestartResumesAssemblyTests.CountPersistedTriggers(temp.Combine("agent", "scheduler.db"), studyUid));
        Assert.Empty(await OrthancContents.SeriesAsync(orthanc.Http, studyUid));

        using var second = await AgentProcess.StartAsync(configPath, configuration);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: second agent up");
        var done = await second.WaitForStateAsync(studyUid, "Done", TimeSpan.FromSeconds(60));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: done");
        Assert.Equal(1, done.GetProperty("revision").GetInt32());
        Assert.Equal(Slices, done.GetProperty("instanceCount").GetInt32());
        var triage = done.GetProperty("triage");
        Assert.True(double.IsFinite(triage.GetProperty("score").GetDouble()), done.ToString());

        var series = await OrthancContents.SeriesAsync(orthanc.Http, studyUid);
        Assert.Single(series.Single(s => s.Modality == "SR").SopInstanceUids);
        Assert.InRange(series.Single(s => s.Modality == "OT").SopInstanceUids.Count, 2, Slices + 1); // the summary, then one per scored slice
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second scoring of the study (queued twice) would show by now
        Assert.Equal(1, (await second.StudyAsync(studyUid))!.Value.GetProperty("revision").GetInt32());
        Assert.Single(await OrthancContents.SeriesAsync(orthanc.Http, studyUid), s => s.Modality == "SR");
        var metadata = await OrthancContents.StudyMetadataAsync(orthanc.Http, studyUid, PacsOrthanc.MetadataName);
        Assert.Matches("^(NORMAL|ABNORMAL) score=", metadata);
        var worklist = JsonDocument.Parse(await second.Http.GetStringAsync(new Uri("api/worklist", UriKind.Relative))).RootElement;
        Assert.Equal(studyUid, Assert.Single(worklist.EnumerateArray()).GetProperty("studyInstanceUid").GetString());
    }

    private static (string State, long Revision) ReadStudyRow(string database, string studyInstanceUid)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, revision FROM studies WHERE study_uid = $study";
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"the killed agent's database has no row for study {studyInstanceUid}");
        return (reader.GetString(0), reader.GetInt64(1));
    }
}
