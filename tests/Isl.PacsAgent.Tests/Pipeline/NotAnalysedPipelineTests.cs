using Isl.Dicom;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Pipeline;

public sealed class NotAnalysedPipelineTests
{
    [Fact]
    public async Task AnMrStudyIsRecordedNotAnalysedAndItsNotAnalysedSrIsDeliveredWithoutChangingTheState()
    {
        using var temp = new TempDirectory("isl-na-pipeline");
        var study = new CtStudyBuilder { PatientId = "MR-2" };
        var files = CtStudyBuilder.Save(study.Series(modality: "MR", sopClass: "1.2.840.10008.5.1.4.1.1.4"), temp.Combine("in"));
        var (app, sender, scorer) = await StartAsync(temp);
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var deliveries = app.Services.GetRequiredService<DeliveryStore>();
            await AgentFixture.WaitForAsync(() => deliveries.ListForStudy(study.StudyInstanceUid) is [{ State: DeliveryState.Delivered }], TimeSpan.FromSeconds(30), "the not-analysed SR to be delivered");

            var record = app.Services.GetRequiredService<StudyStore>().Find(study.StudyInstanceUid)!;
            Assert.Equal(StudyState.NotAnalysed, record.State);
            Assert.Contains("modality is MR, not CT", record.Reason, StringComparison.Ordinal);
            Assert.Null(record.Triage);
            Assert.Empty(scorer.Scored);
            var sent = Assert.Single(Assert.Single(sender.Sent));
            var sr = DicomFile.Open(sent).Dataset;
            Assert.Equal(DicomSopClass.Comprehensive3DSRStorage, sr.GetString(DicomTags.SOPClassUID));
            Assert.Equal(study.StudyInstanceUid, sr.GetString(DicomTags.StudyInstanceUID));
            Assert.True(app.Services.GetRequiredService<StudyStore>().IsOwnSeries(sr.GetString(DicomTags.SeriesInstanceUID)), "the SR's series must be known as the agent's own output");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheRealContrastSeriesIsNotAnalysedWithTheIntendedUseReasonInTheRecordAndTheSr()
    {
        using var temp = new TempDirectory("isl-na-contrast");
        var files = RealSeries.ThinContrastFiles();
        var studyUid = DicomFile.Open(files[0], new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset.GetString(DicomTags.StudyInstanceUID);
        var (app, sender, scorer) = await StartAsync(temp);
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var deliveries = app.Services.GetRequiredService<DeliveryStore>();
            await AgentFixture.WaitForAsync(() => deliveries.ListForStudy(studyUid) is [{ State: DeliveryState.Delivered }], TimeSpan.FromSeconds(60), "the not-analysed SR to be delivered");

            var record = app.Services.GetRequiredService<StudyStore>().Find(studyUid)!;
            Assert.Equal(StudyState.NotAnalysed, record.State);
            Assert.Contains("is contrast-enhanced (series description '4cc sec 150cc D3D on'", record.Reason, StringComparison.Ordinal);
            Assert.Empty(scorer.Scored);
            var sr = DicomFile.Open(Assert.Single(Assert.Single(sender.Sent))).Dataset;
            var texts = SrTexts(sr.GetSequence(DicomTags.ContentSequence)).ToList();
            Assert.Contains(texts, t => t.Contains("contrast-enhanced", StringComparison.Ordinal) && t.Contains("intended use", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task AStudyWithoutAnyImageIsNotAnalysedWithNothingToDeliver()
    {
        using var temp = new TempDirectory("isl-na-empty");
        var study = new CtStudyBuilder { PatientId = "DOC-1" };
        var documents = study.Series(slices: 2, modality: "OT", sopClass: "1.2.840.10008.5.1.4.1.1.104.1");
        foreach (var d in documents)
        {
            d.Remove(DicomTags.Rows);
            d.Remove(DicomTags.Columns);
            d.Remove(DicomTags.PixelData);
        }

        var files = CtStudyBuilder.Save(documents, temp.Combine("in"));
        var (app, sender, _) = await StartAsync(temp);
        try
        {
            await AgentFixture.IngestAsync(app, files);
            var studies = app.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(() => studies.Find(study.StudyInstanceUid)!.State == StudyState.NotAnalysed, TimeSpan.FromSeconds(30), "the study to be recorded not analysed");
            await Task.Delay(500);
            Assert.Empty(app.Services.GetRequiredService<DeliveryStore>().ListForStudy(study.StudyInstanceUid));
            Assert.Empty(sender.Sent);
            Assert.Empty(ResultFiles.List(temp.Combine("outputs"), study.StudyInstanceUid, 1));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(Microsoft.AspNetCore.Builder.WebApplication App, RecordingCStoreSender Sender, FakeScorer Scorer)> StartAsync(TempDirectory temp)
    {
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 2); // a busy machine must not assemble a half-ingested study
        AgentFixture.AddCStoreDestination(settings);
        var sender = new RecordingCStoreSender();
        var scorer = new FakeScorer();
        var app = AgentFixture.Build(settings, s =>
        {
            s.AddSingleton<ICStoreSender>(sender);
            s.AddSingleton<IStudyScorer>(scorer);
        });
        await app.StartAsync();
        return (app, sender, scorer);
    }

    private static IEnumerable<string> SrTexts(IReadOnlyList<DicomDataset> items)
    {
        foreach (var item in items)
        {
            if (item.GetStringOrDefault(DicomTags.ValueType, "") == "TEXT")
            {
                yield return item.GetString(DicomTags.TextValue);
            }

            if (item.TryGetSequence(DicomTags.ContentSequence, out var children))
            {
                foreach (var text in SrTexts(children))
                {
                    yield return text;
                }
            }
        }
    }
}
