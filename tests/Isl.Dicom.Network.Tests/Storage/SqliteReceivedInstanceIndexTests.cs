using Isl.Dicom.Network.Storage;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Storage;

public sealed class SqliteReceivedInstanceIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static ReceivedInstance Instance(string study, string sop, int secondsAfterT0) =>
        new(study, study + ".1", sop, "1.2.840.10008.5.1.4.1.1.2", $"/spool/{sop}.dcm", "CT1", T0.AddSeconds(secondsAfterT0));

    [Fact]
    public async Task Answers_instances_of_a_study_and_idle_studies()
    {
        using var directory = new TempDirectory();
        using var index = new SqliteReceivedInstanceIndex(directory.Combine("index.sqlite"));
        await index.RecordAsync(Instance("1.1", "1.1.1", 0));
        await index.RecordAsync(Instance("1.1", "1.1.2", 10));
        await index.RecordAsync(Instance("2.2", "2.2.1", 50));

        Assert.Equal(["1.1.1", "1.1.2"], (await index.GetStudyInstancesAsync("1.1")).Select(i => i.SopInstanceUid));

        var idle = await index.GetIdleStudiesAsync(TimeSpan.FromSeconds(30), T0.AddSeconds(60));
        var study = Assert.Single(idle);
        Assert.Equal(new IdleStudy("1.1", 2, T0.AddSeconds(10)), study);

        Assert.Equal(2, await index.SetStudyStateAsync("1.1", InstanceState.Processing, InstanceState.Received));
        Assert.Empty(await index.GetIdleStudiesAsync(TimeSpan.FromSeconds(30), T0.AddSeconds(60)));

        // A late instance returns the study to the idle query once it is quiet again.
        await index.RecordAsync(Instance("1.1", "1.1.3", 100));
        Assert.Equal(["2.2"], (await index.GetIdleStudiesAsync(TimeSpan.FromSeconds(30), T0.AddSeconds(110))).Select(s => s.StudyInstanceUid));
        var again = Assert.Single(await index.GetIdleStudiesAsync(TimeSpan.FromSeconds(30), T0.AddSeconds(200)), s => s.StudyInstanceUid == "1.1");
        Assert.Equal(1, again.InstanceCount);
    }

    [Fact]
    public async Task Duplicate_sop_instance_is_recorded_once_and_survives_reopening()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("index.sqlite");
        using (var index = new SqliteReceivedInstanceIndex(path))
        {
            await index.RecordAsync(Instance("1.1", "1.1.1", 0));
            await index.SetStudyStateAsync("1.1", InstanceState.Processed);
            await index.RecordAsync(Instance("1.1", "1.1.1", 5));
        }

        using var reopened = new SqliteReceivedInstanceIndex(path);
        Assert.Equal(1, await reopened.CountAsync());
        var found = await reopened.FindAsync("1.1.1");
        Assert.Equal(InstanceState.Received, found!.State);
        Assert.Equal(T0.AddSeconds(5), found.ReceivedAt);
        Assert.Null(await reopened.FindAsync("9.9"));
    }
}
