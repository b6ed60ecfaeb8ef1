using System.Globalization;
using System.Text.Json;
using Isl.Dicom;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Pipeline;

/// <summary>
/// An MR study, a localizer-only CT and a chest CT sent by dcmtk's storescu are recorded "not analysed" with their
/// reasons, listed so on the worklist, and each gets a "not analysed" SR in its own study in a real Orthanc (with the
/// IslTriage metadata saying so): a radiologist opening the study sees that the AI did not triage it, and why. The SR
/// passes dciodvfy and references images Orthanc holds.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NotAnalysedStudiesTests
{
    [Fact]
    public async Task MrLocalizerOnlyAndNonHeadStudiesGetANotAnalysedSrWithTheReasonInThePacs()
    {
        using var temp = new TempDirectory("isl-not-analysed");
        using var orthanc = await PacsOrthanc.StartAsync();
        var mr = new CtStudyBuilder { PatientId = "MR-1" };
        var localizer = new CtStudyBuilder { PatientId = "LOC-1" };
        var chest = new CtStudyBuilder { PatientId = "CHEST-1" };
        var cases = new (CtStudyBuilder Study, List<DicomDataset> Instances, string Reason)[]
        {
            (mr, mr.Series(modality: "MR", sopClass: "1.2.840.10008.5.1.4.1.1.4", description: "T2 AX"), "modality is MR, not CT"),
            (localizer, localizer.Series(slices: 2, description: "Topogram 0.6 T20s", imageType: ["ORIGINAL", "PRIMARY", "LOCALIZER"]), "is a localizer"),
            (chest, chest.Series(bodyPart: "CHEST", description: "THORAX 5mm"), "body part CHEST is not head"),
        };
        var input = temp.Combine("in");
        foreach (var (study, instances, _) in cases)
        {
            foreach (var file in CtStudyBuilder.Save(instances, Path.Combine(input, study.PatientId)))
            {
                Assert.Equal("Success", await orthanc.StoreAsync(file));
            }
        }

        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 3, dicom: true); // long enough that a slow storescu under load is not assembled half-received
        var agentPort = FreePort.Next();
        settings["Dicom:Port"] = agentPort.ToString(CultureInfo.InvariantCulture);
        settings["Dicom:BindAddress"] = "127.0.0.1";
        settings["Dicom:AllowAnyCaller"] = "true";
        settings["Delivery:Destinations:0:Name"] = "pacs";
        settings["Delivery:Destinations:0:Kind"] = "OrthancRest";
        settings["Delivery:Destinations:0:Url"] = orthanc.RestRoot.ToString();
        var scorer = new FakeScorer();
        var agent = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(scorer));
        await agent.StartAsync();
        try
        {
            PeerChecks.StoreScu(agentPort, input);
            var studies = agent.Services.GetRequiredService<StudyStore>();
            var deliveries = agent.Services.GetRequiredService<DeliveryStore>();
            await AgentFixture.WaitForAsync(
                () => cases.All(c => deliveries.ListForStudy(c.Study.StudyInstanceUid) is [{ State: DeliveryState.Delivered }]),
                TimeSpan.FromSeconds(40), "the three \"not analysed\" reports to be delivered",
                () => string.Join("; ", cases.Select(c => $"{studies.Find(c.Study.StudyInstanceUid)} {string.Join(",", deliveries.ListForStudy(c.Study.StudyInstanceUid))}")) + orthanc.Log);
            Assert.Empty(scorer.Scored);

            using var http = new HttpClient { BaseAddress = AgentFixture.HttpRoot(settings) };
            var worklist = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/worklist", UriKind.Relative))).RootElement.EnumerateArray().ToList();
            foreach (var (study, instances, reason) in cases)
            {
                var record = studies.Find(study.StudyInstanceUid)!;
                Assert.Equal(StudyState.NotAnalysed, record.State);
                Assert.Contains(reason, record.Reason, StringComparison.Ordinal);
                var entry = Assert.Single(worklist, e => e.GetProperty("studyInstanceUid").GetString() == study.StudyInstanceUid);
                Assert.Equal("NOT_ANALYSED", entry.GetProperty("flag").GetString());
                Assert.Contains(reason, entry.GetProperty("reason").GetString(), StringComparison.Ordinal);

                var sr = Assert.Single(ResultFiles.List(settings["Storage:OutputPath"]!, study.StudyInstanceUid, record.Revision));
                Dciodvfy.AssertClean(sr);
                var tree = PeerChecks.Dsrdump(sr);
                Assert.Contains("Not analysed", tree, StringComparison.Ordinal);
                Assert.Contains(reason, tree, StringComparison.Ordinal);
                Assert.DoesNotContain("Target Region", tree, StringComparison.Ordinal);
                var dataset = DicomFile.Open(sr).Dataset;
                Assert.Equal(study.StudyInstanceUid, dataset.GetString(DicomTags.StudyInstanceUID));
                Assert.Equal(study.PatientId, dataset.GetString(DicomTags.PatientID));
                var referenced = dataset.GetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence)
                    .SelectMany(s => s.GetSequence(DicomTags.ReferencedSeriesSequence))
                    .SelectMany(s => s.GetSequence(DicomTags.ReferencedSOPSequence))
                    .Select(r => r.GetString(DicomTags.ReferencedSOPInstanceUID))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                Assert.Equal(instances.Select(i => i.GetString(DicomTags.SOPInstanceUID)).Order(StringComparer.Ordinal), referenced);

                var series = await OrthancContents.SeriesAsync(orthanc.Http, study.StudyInstanceUid);
                var stored = Assert.Single(series, s => s.Modality == "SR");
                Assert.Equal([dataset.GetString(DicomTags.SOPInstanceUID)], stored.SopInstanceUids);
                Assert.DoesNotContain(series, s => s.Modality == "OT");
                var metadata = await OrthancContents.StudyMetadataAsync(orthanc.Http, study.StudyInstanceUid, PacsOrthanc.MetadataName);
                Assert.StartsWith("NOT_ANALYSED reason=", metadata, StringComparison.Ordinal);
                Assert.Contains(reason, metadata, StringComparison.Ordinal);
            }
        }
        finally
        {
            await agent.StopAsync();
            await agent.DisposeAsync();
        }
    }
}
