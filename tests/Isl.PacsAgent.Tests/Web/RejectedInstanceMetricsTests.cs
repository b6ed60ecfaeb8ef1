using System.Globalization;
using Isl.Dicom;
using Isl.Dicom.Network.Client;
using Isl.Dicom.Network.Dimse;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Web;

/// <summary>Issue 16 item 1 in <c>run</c>: what cannot be used is refused at the SCP, never catalogued, and counted in /metrics.</summary>
[Trait("Category", "Integration")]
public sealed class RejectedInstanceMetricsTests
{
    [Fact]
    public async Task Refused_instances_are_counted_by_status_and_never_reach_the_catalogue()
    {
        using var temp = new TempDirectory("isl-rejected");
        var settings = AgentFixture.Settings(temp, dicom: true);
        var port = FreePort.Next();
        settings["Dicom:Port"] = port.ToString(CultureInfo.InvariantCulture);
        settings["Dicom:BindAddress"] = "127.0.0.1";
        settings["Dicom:AllowAnyCaller"] = "true";
        var study = new CtStudyBuilder();
        var slices = study.Series(slices: 3);
        var noStudy = slices[0].Clone();
        noStudy.Remove(DicomTags.StudyInstanceUID);
        noStudy.Remove(DicomTags.SeriesInstanceUID);
        var shortPixels = slices[1].Clone();
        var pixels = shortPixels.GetBytes(DicomTags.PixelData);
        shortPixels.SetBytes(DicomTags.PixelData, DicomVR.OW, pixels[..(pixels.Length / 2)].ToArray());

        var agent = AgentFixture.Build(settings, s => s.AddSingleton<Isl.PacsAgent.Pipeline.IStudyScorer>(new FakeScorer())); // counting refusals needs no model
        await agent.StartAsync();
        try
        {
            var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = port, CalledAeTitle = "ISL_AGENT", RetryPolicy = DicomRetryPolicy.None });
            var results = await client.StoreAsync(new[] { noStudy, shortPixels, slices[2] }.Select(d => StoreItem.FromDataset(d, DicomTransferSyntax.ExplicitVRLittleEndian)));

            Assert.Equal([DimseStatus.DatasetDoesNotMatchSopClass, DimseStatus.CannotUnderstand, DimseStatus.Success], results.Select(r => r.Status));
            var record = agent.Services.GetRequiredService<StudyStore>().Find(study.StudyInstanceUid);
            Assert.NotNull(record);
            Assert.DoesNotContain(Directory.GetFiles(temp.Combine("spool"), "*.dcm", SearchOption.AllDirectories), f => f.Contains(slices[1].GetString(DicomTags.SOPInstanceUID), StringComparison.Ordinal));

            using var http = new HttpClient { BaseAddress = AgentFixture.HttpRoot(settings) };
            var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            Assert.Contains("isl_instances_rejected_total{status=\"0xA900\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("isl_instances_rejected_total{status=\"0xC000\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("isl_instances_received_total 1\n", metrics, StringComparison.Ordinal);
        }
        finally
        {
            await agent.StopAsync();
            await agent.DisposeAsync();
        }
    }
}
