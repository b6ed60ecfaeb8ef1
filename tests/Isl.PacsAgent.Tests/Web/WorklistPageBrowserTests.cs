using System.Globalization;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;

namespace Isl.PacsAgent.Tests.Web;

/// <summary>
/// The worklist page at <c>/</c> in Debian's headless Chromium, in a phone-sized viewport: rows appear most suspicious
/// first as studies are scored, redrawn in place (the page is never reloaded), each with its verdict, score, state and
/// a link that opens the study in the configured viewer.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WorklistPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ViewerTemplate = "http://viewer.example:3000/viewer?StudyInstanceUIDs={StudyInstanceUID}";

    [Fact]
    public async Task RowsAppearMostSuspiciousFirstAsStudiesAreScoredWithoutReloading()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (test.sh does)");
        using var temp = new TempDirectory("isl-page");
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 0.5);
        settings["Http:WorklistRefreshSeconds"] = "0.3";
        settings["Http:ViewerUrlTemplate"] = ViewerTemplate;
        var normal = new CtStudyBuilder { PatientId = "NORMAL-1" };
        var abnormal = new CtStudyBuilder { PatientId = "ABNORMAL-1" };
        var suspicious = new CtStudyBuilder { PatientId = "ABNORMAL-2" };
        var scorer = new FakeScorer();
        scorer.ScoresByStudy[normal.StudyInstanceUid] = 0.2;
        scorer.ScoresByStudy[abnormal.StudyInstanceUid] = 0.9;
        scorer.ScoresByStudy[suspicious.StudyInstanceUid] = 0.6;
        var app = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(scorer));
        await app.StartAsync();
        try
        {
            await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = Chromium,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
            await using var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 390, Height = 844, IsMobile = true, HasTouch = true });
            await page.GoToAsync(AgentFixture.HttpRoot(settings).ToString());
            await page.EvaluateExpressionAsync("window.loadedOnce = 'yes'"); // a full reload would drop it

            await IngestAsync(app, normal, temp);
            await WaitForRowsAsync(page, [normal.StudyInstanceUid], "done");
            await IngestAsync(app, abnormal, temp);
            await WaitForRowsAsync(page, [abnormal.StudyInstanceUid, normal.StudyInstanceUid], "done");
            await IngestAsync(app, suspicious, temp);
            await WaitForRowsAsync(page, [abnormal.StudyInstanceUid, suspicious.StudyInstanceUid, normal.StudyInstanceUid], "done");

            Assert.Equal("yes", await page.EvaluateExpressionAsync<string>("window.loadedOnce"));
            var verdicts = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#rows tr .verdict')].map(v => v.textContent)");
            Assert.Equal(["ABNORMAL", "ABNORMAL", "NORMAL"], verdicts);
            var scores = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#rows tr .score')].map(v => v.textContent)");
            Assert.Equal(["0.900 / 0.500", "0.600 / 0.500", "0.200 / 0.500"], scores);
            var link = await page.EvaluateExpressionAsync<string>("document.querySelector('#rows tr a.open').href");
            Assert.Equal(ViewerTemplate.Replace("{StudyInstanceUID}", abnormal.StudyInstanceUid, StringComparison.Ordinal), link);
            var patient = await page.EvaluateExpressionAsync<string>("document.querySelector('#rows tr td[data-label=Patient]').textContent");
            Assert.Equal("Phantom^Test · ABNORMAL-1", patient);

            // On a phone the table becomes one card per study: no header row, nothing wider than the screen.
            Assert.Equal("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('thead')).display"));
            Assert.True(await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth") <= 390);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task IngestAsync(Microsoft.AspNetCore.Builder.WebApplication app, CtStudyBuilder study, TempDirectory temp)
    {
        await AgentFixture.IngestAsync(app, CtStudyBuilder.Save(study.Series(slices: 16), temp.Combine(study.PatientId)));
        var studies = app.Services.GetRequiredService<StudyStore>();
        await AgentFixture.WaitForAsync(() => studies.Find(study.StudyInstanceUid)!.State == StudyState.Done, TimeSpan.FromSeconds(30), $"study {study.PatientId} to be scored");
    }

    private static async Task WaitForRowsAsync(IPage page, string[] expected, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        string[] rows = [];
        string[] statuses = [];
        while (DateTime.UtcNow < deadline)
        {
            rows = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#rows tr')].map(r => r.dataset.study)");
            statuses = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#rows tr')].map(r => r.dataset.status)");
            if (rows.SequenceEqual(expected) && statuses.All(s => s == status))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"the page shows [{string.Join(", ", rows)}] ({string.Join(", ", statuses)}), expected [{string.Join(", ", expected)}] all {status}"));
    }
}
