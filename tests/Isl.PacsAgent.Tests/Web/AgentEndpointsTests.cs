using System.Net;
using System.Text.Json;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Web;

public sealed class AgentEndpointsTests
{
    [Fact]
    public async Task HealthMetricsAndWorklistReflectScoredAndNotAnalysedStudies()
    {
        using var temp = new TempDirectory("isl-web");
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 2); // a busy machine must not assemble a half-ingested study
        var abnormal = new CtStudyBuilder { PatientId = "ABN" };
        var mr = new CtStudyBuilder { PatientId = "MR" };
        var app = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(new FakeScorer(0.9, 0.5)));
        await app.StartAsync();
        try
        {
            await AgentFixture.IngestAsync(app, CtStudyBuilder.Save(abnormal.Series(), temp.Combine("a")).Concat(CtStudyBuilder.Save(mr.Series(modality: "MR", sopClass: "1.2.840.10008.5.1.4.1.1.4"), temp.Combine("m"))));

            var studies = app.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(
                () => studies.Find(abnormal.StudyInstanceUid)!.State == StudyState.Done && studies.Find(mr.StudyInstanceUid)!.State == StudyState.NotAnalysed,
                TimeSpan.FromSeconds(30), "both studies to be handled");

            using var http = new HttpClient { BaseAddress = AgentFixture.HttpRoot(settings) };
            var health = JsonDocument.Parse(await http.GetStringAsync("health")).RootElement;
            Assert.Equal("ok", health.GetProperty("status").GetString());
            var services = health.GetProperty("services").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("status").GetString());
            Assert.Equal("disabled", services["DicomListenerService"]);
            Assert.Equal("running", services["scheduler"]);
            Assert.Equal("running", services["ScoringWorkerService"]);
            Assert.Equal("running", services["DeliveryWorkerService"]);

            using var metricsResponse = await http.GetAsync("metrics");
            Assert.StartsWith("text/plain", metricsResponse.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            var metrics = await metricsResponse.Content.ReadAsStringAsync();
            Assert.Contains("isl_studies_received_total 2\n", metrics, StringComparison.Ordinal);
            Assert.Contains("isl_studies_scored_total 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("isl_studies_flagged_total 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("isl_studies_not_analysed_total 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("isl_scoring_queue_depth 0\n", metrics, StringComparison.Ordinal);
            Assert.Contains("isl_scoring_seconds_count 1\n", metrics, StringComparison.Ordinal);

            var worklist = JsonDocument.Parse(await http.GetStringAsync("api/worklist")).RootElement;
            Assert.Equal(2, worklist.GetArrayLength());
            Assert.Equal(abnormal.StudyInstanceUid, worklist[0].GetProperty("studyInstanceUid").GetString());
            Assert.Equal("ABNORMAL", worklist[0].GetProperty("flag").GetString());
            Assert.Equal(0.9, worklist[0].GetProperty("score").GetDouble());
            Assert.Equal("NOT_ANALYSED", worklist[1].GetProperty("flag").GetString());
            Assert.Contains("modality is MR", worklist[1].GetProperty("reason").GetString(), StringComparison.Ordinal);

            var study = JsonDocument.Parse(await http.GetStringAsync($"api/studies/{mr.StudyInstanceUid}")).RootElement;
            Assert.Contains("modality is MR", study.GetProperty("series")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/studies/1.2.3.4")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task HealthIsDegradedWith503WhenAServiceIsDown()
    {
        using var temp = new TempDirectory("isl-health");
        var settings = AgentFixture.Settings(temp);
        settings["Ingest:Orthanc:Enabled"] = "true";
        settings["Ingest:Orthanc:BaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}/"; // nothing listens there
        settings["Ingest:Orthanc:PollIntervalSeconds"] = "0.2";
        var app = AgentFixture.Build(settings, s =>
        {
            s.AddSingleton<IStudyScorer>(new FakeScorer(0.1, 0.5));
            s.AddHostedService<EndingService>();
        });
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = AgentFixture.HttpRoot(settings) };
            HttpResponseMessage? response = null;
            JsonElement health = default;
            await AgentFixture.WaitForAsync(
                () =>
                {
                    response?.Dispose();
                    response = http.GetAsync("health").GetAwaiter().GetResult();
                    health = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement;
                    return health.GetProperty("services").EnumerateArray().Any(e => e.GetProperty("name").GetString() == nameof(Isl.PacsAgent.Orthanc.OrthancChangeFeedService) && e.GetProperty("status").GetString() == "failed");
                },
                TimeSpan.FromSeconds(20), "the Orthanc source to report its failed polls", () => health.ToString());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response!.StatusCode);
            Assert.Equal("degraded", health.GetProperty("status").GetString());
            var services = health.GetProperty("services").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e);
            Assert.Contains("polling http://127.0.0.1:", services["OrthancChangeFeedService"].GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("stopped", services[nameof(EndingService)].GetProperty("status").GetString());
            Assert.Equal("running", services["ScoringWorkerService"].GetProperty("status").GetString());
            response.Dispose();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
