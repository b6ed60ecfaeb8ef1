using Isl.Dicom;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Delivery;

public sealed class RecoveryQueuesMissingDeliveriesTests
{
    [Fact]
    public async Task AStudyKilledBetweenRecordingItsResultAndQueueingItsDeliveryIsDeliveredAfterTheRestart()
    {
        using var temp = new TempDirectory("isl-recover-delivery");
        var builder = new CtStudyBuilder();
        var files = CtStudyBuilder.Save(builder.Series(), temp.Combine("in"));
        var store = new StudyStore(new AgentDatabase(temp.Combine("agent.db")), TimeProvider.System);
        foreach (var file in files)
        {
            var d = DicomFile.Open(file).Dataset;
            await store.RecordInstanceAsync(new InstanceArrival(builder.StudyInstanceUid, Isl.PacsAgent.Ingest.DicomInstanceHeaderReader.FromDataset(d, file), DateTimeOffset.UtcNow, StudyDemographics.Empty));
        }

        store.MarkAssembling(builder.StudyInstanceUid);
        var revision = store.BeginScoring(builder.StudyInstanceUid);
        var result = Path.Combine(ResultFiles.DirectoryFor(temp.Combine("outputs"), builder.StudyInstanceUid, revision), "sr", "result.dcm");
        Directory.CreateDirectory(Path.GetDirectoryName(result)!);
        File.Copy(files[0], result);
        Assert.True(store.CompleteScoring(builder.StudyInstanceUid, revision, new StudyTriage("1.2.3", 0.9, 0.5, "1.0", "hash", DateTimeOffset.UtcNow, 1)));

        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 0.2);
        AgentFixture.AddCStoreDestination(settings);
        var sender = new RecordingCStoreSender();
        var app = AgentFixture.Build(settings, s =>
        {
            s.AddSingleton<ICStoreSender>(sender);
            s.AddSingleton<IStudyScorer>(new FakeScorer());
        });
        await app.StartAsync();
        try
        {
            await AgentFixture.WaitForAsync(() => store.Find(builder.StudyInstanceUid)!.State == StudyState.Done, TimeSpan.FromSeconds(30), "the recorded result to be delivered after the restart");
            Assert.Equal([result], Assert.Single(sender.Sent));
            var delivery = Assert.Single(app.Services.GetRequiredService<DeliveryStore>().ListForStudy(builder.StudyInstanceUid));
            Assert.Equal((DeliveryState.Delivered, revision), (delivery.State, delivery.Revision));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
