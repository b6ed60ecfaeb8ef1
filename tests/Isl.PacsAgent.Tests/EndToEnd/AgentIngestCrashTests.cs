using System.Text;
using Isl.Dicom;
using Isl.Dicom.Network.Storage;
using Isl.PacsAgent.Tests.Cli.Network;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Data.Sqlite;

namespace Isl.PacsAgent.Tests.EndToEnd;

/// <summary>
/// The real <c>isl-agent run</c> is killed with SIGKILL in the middle of a storescu burst. Started again, every
/// instance storescu saw acknowledged is in the spool and in the agent's catalogue — also those whose catalogue
/// commits a power cut would have taken (removed from the database here), which the restart restores from the spool.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AgentIngestCrashTests
{
    private const int Instances = 308;
    private const int LostCommits = 12;

    [Fact]
    public async Task Every_instance_acknowledged_before_a_sigkill_is_stored_and_catalogued_after_the_restart()
    {
        using var work = new TempDirectory("isl-ingest-crash");
        var files = ReceiveCrashSafetyTests.CopiesWithNewUids(work.Combine("in"), Instances);
        var dicomPort = FreePort.Next();
        var configuration = AgentProcess.Configuration(work.Combine("agent"), dicomPort, FreePort.Next(), stableAgeSeconds: 3600);
        var configPath = work.Combine("agent.json");
        var database = work.Combine("agent", "agent.db");

        var storescuOutput = new StringBuilder();
        using (var first = await AgentProcess.StartAsync(configPath, configuration))
        {
            using var storescu = await ReceiveCrashSafetyTests.StoreUntilAcknowledgedAsync("ISL_AGENT", dicomPort, files, storescuOutput, 60);

            first.KillHard(); // SIGKILL: no shutdown code runs.
            Assert.True(storescu.WaitForExit(60_000), "storescu did not end after the agent died");
            storescu.WaitForExit();
        }

        var log = ReceiveCrashSafetyTests.Snapshot(storescuOutput);
        var acknowledged = ReceiveCrashSafetyTests.Acknowledged(log).Select(f => DicomFile.Open(f).Dataset).ToList();
        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} acknowledged:\n{log[..Math.Min(2000, log.Length)]}");
        Assert.True(acknowledged.Count < Instances, "the agent was killed after the burst had already finished");
        Assert.All(acknowledged, d => Assert.True(Catalogue(database).ContainsKey(d.GetString(DicomTags.SOPInstanceUID)), "an acknowledged instance is not catalogued right after the SIGKILL"));

        // What a power cut may take: the last catalogue commits (synchronous=NORMAL), never the fsynced spool files.
        var lost = acknowledged.TakeLast(LostCommits).Select(d => d.GetString(DicomTags.SOPInstanceUID)).ToList();
        ForgetInstances(database, lost);
        Assert.DoesNotContain(lost[0], Catalogue(database).Keys);

        using (var second = await AgentProcess.StartAsync(configPath, configuration))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!lost.All(Catalogue(database).ContainsKey) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var catalogue = Catalogue(database);
            foreach (var dataset in acknowledged)
            {
                var sop = dataset.GetString(DicomTags.SOPInstanceUID);
                Assert.True(catalogue.TryGetValue(sop, out var path), $"acknowledged instance {sop} is not catalogued after the restart\n{second.Log}");
                Assert.Equal(SpoolLayout.PathOf(Path.Combine(work.Combine("agent", "spool"), "scp"), dataset.GetString(DicomTags.StudyInstanceUID), dataset.GetString(DicomTags.SeriesInstanceUID), sop), path);
                Assert.Equal(dataset.GetBytes(DicomTags.PixelData).ToArray(), DicomFile.Open(path).Dataset.GetBytes(DicomTags.PixelData).ToArray());
            }

            var study = await second.StudyAsync(acknowledged[0].GetString(DicomTags.StudyInstanceUID));
            Assert.True(study is { } s && s.GetProperty("instanceCount").GetInt32() == catalogue.Count, $"the study record does not count the catalogued instances: {study}");
        }
    }

    /// <summary>The agent's catalogue: SOP Instance UID → spool path.</summary>
    private static Dictionary<string, string> Catalogue(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sop_uid, path FROM instances";
        using var reader = command.ExecuteReader();
        var catalogue = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            catalogue[reader.GetString(0)] = reader.GetString(1);
        }

        return catalogue;
    }

    /// <summary>Removes instances from the catalogue as a lost commit would (the row and its count in the study).</summary>
    private static void ForgetInstances(string database, IEnumerable<string> sopInstanceUids)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        foreach (var sop in sopInstanceUids)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE studies SET instance_count = instance_count - 1 WHERE study_uid = (SELECT study_uid FROM instances WHERE sop_uid = $sop);
                DELETE FROM instances WHERE sop_uid = $sop;
                """;
            command.Parameters.AddWithValue("$sop", sop);
            command.ExecuteNonQuery();
        }
    }
}
