using System.Globalization;
using System.Text.Json;
using Isl.PacsAgent.DicomWeb;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Deployment;

/// <summary>
/// The shipped Lua script in a real Orthanc forwards a stable CT study to the running agent (C-STORE into our SCP);
/// the agent writes the SR and heatmap series and the IslTriage metadata back over REST; the study becoming stable
/// again (our results arrived, the script re-sends the CT series) does not score it a second time.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OrthancLuaRoundTripTests
{
    [Fact]
    public async Task StableCtStudyComesBackWithSrHeatmapsAndMetadataAndIsScoredOnce()
    {
        using var temp = new TempDirectory("isl-e2e");
        var agentPort = FreePort.Next();
        using var orthanc = await PacsOrthanc.StartAsync(agentPort, config =>
        {
            config["LuaScripts"] = new[] { RepositoryRoot.Combine("orthanc-config", "forward-to-agent.lua") };
        });
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 3, dicom: true);
        settings["Dicom:Port"] = agentPort.ToString(CultureInfo.InvariantCulture);
        settings["Dicom:BindAddress"] = "127.0.0.1";
        settings["Dicom:AllowedCallers:0"] = "ORTHANC@127.0.0.1";
        settings["Delivery:Destinations:0:Name"] = "orthanc";
        settings["Delivery:Destinations:0:Kind"] = "OrthancRest";
        settings["Delivery:Destinations:0:Url"] = orthanc.RestRoot.ToString();
        var scorer = new FakeScorer(0.9, 0.5, heatmaps: true);
        var agent = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(scorer));
        await agent.StartAsync();
        try
        {
            var study = new CtStudyBuilder { Size = 64 };
            var files = CtStudyBuilder.Save(study.Series(slices: 16), temp.Combine("in"));
            using var dicomWeb = orthanc.DicomWeb();
            await new DicomWebClient(dicomWeb).StoreAsync(files);

            var studies = agent.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(() => studies.Find(study.StudyInstanceUid)?.State == StudyState.Done, TimeSpan.FromSeconds(60), "the study to be forwarded, scored and delivered",
                () => $"study: {studies.Find(study.StudyInstanceUid)}; deliveries: {string.Join("; ", agent.Services.GetRequiredService<Isl.PacsAgent.Delivery.DeliveryStore>().ListForStudy(study.StudyInstanceUid))}; Orthanc log: {orthanc.Log}");

            var modalities = (await new DicomWebClient(dicomWeb).SearchSeriesAsync(study.StudyInstanceUid))
                .Select(s => s.GetProperty("00080060").GetProperty("Value")[0].GetString())
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.Equal(["CT", "OT", "SR"], modalities);
            using var rest = orthanc.Rest();
            using var lookup = await rest.PostAsync("tools/lookup", new StringContent(study.StudyInstanceUid));
            var orthancId = JsonDocument.Parse(await lookup.Content.ReadAsStringAsync()).RootElement[0].GetProperty("ID").GetString();
            var metadata = await rest.GetStringAsync($"studies/{orthancId}/metadata/{PacsOrthanc.MetadataName}");
            Assert.StartsWith("ABNORMAL score=0.9", metadata, StringComparison.Ordinal);
            var instances = JsonDocument.Parse(await rest.GetStringAsync($"studies/{orthancId}/instances")).RootElement.GetArrayLength();
            Assert.Equal(16 + 1 + 16, instances);

            await AgentFixture.WaitForAsync(() => StableStudyCount(rest, orthancId!) >= 2, TimeSpan.FromSeconds(30), "Orthanc to report the study stable again after our results arrived");
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Single(scorer.Scored);
            var record = studies.Find(study.StudyInstanceUid)!;
            Assert.Equal((StudyState.Done, 1, 16), (record.State, record.Revision, record.InstanceCount));
        }
        finally
        {
            await agent.StopAsync();
            await agent.DisposeAsync();
        }
    }

    private static int StableStudyCount(HttpClient rest, string orthancId)
    {
        var changes = JsonDocument.Parse(rest.GetStringAsync("changes?since=0&limit=10000").GetAwaiter().GetResult()).RootElement.GetProperty("Changes");
        return changes.EnumerateArray().Count(c => c.GetProperty("ChangeType").GetString() == "StableStudy" && c.GetProperty("ID").GetString() == orthancId);
    }
}
