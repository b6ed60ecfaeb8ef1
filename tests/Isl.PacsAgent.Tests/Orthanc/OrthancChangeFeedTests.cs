using Isl.PacsAgent.DicomWeb;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Orthanc;

[Trait("Category", "Integration")]
public sealed class OrthancChangeFeedTests
{
    [Fact]
    public async Task AStableStudyInOrthancIsFetchedByWadoRsAndScored()
    {
        using var orthanc = await PacsOrthanc.StartAsync();
        using var temp = new TempDirectory("isl-feed");
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 2);
        settings["Ingest:Orthanc:Enabled"] = "true";
        settings["Ingest:Orthanc:BaseUrl"] = orthanc.RestRoot.ToString();
        settings["Ingest:Orthanc:PollIntervalSeconds"] = "0.2";
        var scorer = new FakeScorer(0.3, 0.5);
        var agent = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(scorer));
        await agent.StartAsync();
        try
        {
            var studies = agent.Services.GetRequiredService<StudyStore>();
            await Task.Delay(500);
            var study = new CtStudyBuilder();
            using var dicomWeb = orthanc.DicomWeb();
            await new DicomWebClient(dicomWeb).StoreAsync(CtStudyBuilder.Save(study.Series(slices: 18), temp.Combine("in")));

            await AgentFixture.WaitForAsync(() => studies.Find(study.StudyInstanceUid)?.State == StudyState.Done, TimeSpan.FromSeconds(30), "the study to be fetched from Orthanc and scored",
                () => $"study: {studies.Find(study.StudyInstanceUid)}; Orthanc log: {orthanc.Log}");
            var record = studies.Find(study.StudyInstanceUid)!;
            Assert.Equal(18, record.InstanceCount);
            Assert.Equal("NORMAL", record.Triage!.Flag);
            Assert.All(studies.ListInstances(study.StudyInstanceUid), i => Assert.True(File.Exists(i.Path)));
            Assert.Single(scorer.Scored);
        }
        finally
        {
            await agent.StopAsync();
            await agent.DisposeAsync();
        }
    }
}
