using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Isl.Dicom;
using Isl.Model.Preprocessing;
using Isl.PacsAgent.Tests.EndToEnd;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Phantoms;
using Isl.Reports;
using Isl.Testing;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace Isl.PacsAgent.Tests.Viewer;

/// <summary>
/// What the radiologist sees, proven in a real browser: Orthanc with DICOMweb, the real agent with the demo bundle, a
/// phantom hemorrhage and a normal study sent to it, the prebuilt OHIF 3.13 viewer behind a small proxy, Debian's
/// Chromium headless. The study list shows both studies; the SR's overlay shows the finding and the score and lies on a
/// brain slice; the heatmap of the lesion's largest slice colours most of the lesion and the normal study's heatmap none.
/// Screenshots go to <c>viewer-screenshots/</c> beside the test assembly (and to <c>ISL_VIEWER_SCREENSHOTS</c> if set).
/// </summary>
[Trait("Category", "Viewer")]
[Collection(ModelScoringCollection.Name)]
public sealed class OhifViewerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task OhifShowsBothStudiesTheSrFindingOnABrainSliceAndHeatmapColourOnlyOnTheLesion()
    {
        var chromium = OhifPackage.Chromium();
        var dist = OhifPackage.DistDirectory();
        var shots = Path.Combine(AppContext.BaseDirectory, "viewer-screenshots");
        Directory.CreateDirectory(shots);
        var normal = PhantomFiles.SharedNormal;
        var hemorrhage = PhantomFiles.SharedHemorrhage;
        var lesionStudy = PhantomGenerator.Generate(PhantomFiles.Hemorrhage(202, PhantomFiles.SharedSlices), CancellationToken.None);
        var normalStudy = PhantomGenerator.Generate(PhantomFiles.Normal(101, PhantomFiles.SharedSlices), CancellationToken.None);
        Assert.Equal(hemorrhage.StudyInstanceUid, lesionStudy.Identity.StudyInstanceUid);

        using var temp = new TempDirectory("isl-viewer");
        using var orthanc = await PacsOrthanc.StartAsync();
        foreach (var file in Directory.GetFiles(normal.Directory).Concat(Directory.GetFiles(hemorrhage.Directory)))
        {
            Assert.Equal("Success", await orthanc.StoreAsync(file));
        }

        var dicomPort = FreePort.Next();
        var configuration = AgentProcess.Configuration(temp.Combine("agent"), dicomPort, FreePort.Next(), stableAgeSeconds: 2);
        AgentProcess.AddOrthancDestination(configuration, orthanc.RestRoot);
        using var agent = await AgentProcess.StartAsync(temp.Combine("agent.json"), configuration);
        var clock = Stopwatch.StartNew();
        PeerChecks.StoreScu(dicomPort, hemorrhage.Directory);
        PeerChecks.StoreScu(dicomPort, normal.Directory);
        var outputs = new Dictionary<string, StudyOutputs>();
        foreach (var (label, uid, study) in new[] { ("hemorrhage", hemorrhage.StudyInstanceUid, lesionStudy), ("normal", normal.StudyInstanceUid, normalStudy) })
        {
            var record = await agent.WaitForStateAsync(uid, "Done", Bound - clock.Elapsed);
            output.WriteLine($"{label}: done after {clock.Elapsed.TotalSeconds:0.0} s; {record.GetProperty("triage")}");
            outputs[label] = await StudyOutputs.ReadAsync(orthanc, uid, study, temp.Combine(label));
        }

        Assert.Equal(TriageSrContent.AbnormalCode, outputs["hemorrhage"].Sr.FindingCode);
        Assert.Equal(TriageSrContent.NormalCode, outputs["normal"].Sr.FindingCode);

        // The SR's region lies on a scored brain slice, inside its intracranial region, for both studies.
        foreach (var (label, study) in outputs)
        {
            var (index, box) = study.Region;
            var mask = IntracranialMask.FromHu(study.Phantom.HounsfieldSlice(index).ToArray().Select(v => (float)v).ToArray(), study.Phantom.Rows, study.Phantom.Columns);
            var (cx, cy) = ((int)((box[0] + box[2]) / 2), (int)((box[1] + box[3]) / 2));
            var brain = mask.Count(m => m > 0);
            output.WriteLine($"{label}: SR region on slice {index + 1} ({brain} intracranial pixels), box ({box[0]},{box[1]})-({box[2]},{box[3]})");
            Assert.True(brain > study.Phantom.Rows * study.Phantom.Columns / 20, $"{label}: the SR's region is on slice {index + 1}, which shows little brain ({brain} pixels)");
            Assert.True(mask[(cy * study.Phantom.Columns) + cx] > 0, $"{label}: the SR region's centre ({cx},{cy}) on slice {index + 1} is not intracranial");
        }

        await using var viewer = await ViewerServer.StartAsync(dist, orthanc.DicomWebRoot);
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
            DefaultViewport = new ViewPortOptions { Width = 1280, Height = 860 },
            Timeout = 60_000,
        });
        await using var page = await browser.NewPageAsync();
        page.DefaultTimeout = 60_000;
        var console = new List<string>();
        page.Console += (_, e) => { lock (console) { console.Add($"{e.Message.Type}: {e.Message.Text}"); } };

        try
        {
            // The study list shows both studies.
            await page.GoToAsync(viewer.Root.ToString(), WaitUntilNavigation.Networkidle2);
            // OHIF lists a study by its patient's name, formatted "FAMILY, GIVEN".
            static string Listed(StudyOutputs study) => study.PatientName.Replace("^", ", ", StringComparison.Ordinal);
            var ids = outputs.Values.Select(Listed).ToArray();
            await WaitAsync(page, $"() => {JsonSerializer.Serialize(ids)}.every(id => document.body.innerText.includes(id))", $"the study list to show {string.Join(" and ", ids)}", console, Path.Combine(shots, "study-list-failed.png"));
            await page.ScreenshotAsync(Path.Combine(shots, "study-list.png"));
            // One click on the flagged study's row lists its series: the agent's SR and heatmap carry the verdict there.
            var flagged = JsonSerializer.Serialize(Listed(outputs["hemorrhage"]));
            await page.EvaluateExpressionAsync($"Array.from(document.querySelectorAll('tbody tr')).find(r => r.innerText.includes({flagged})).click()");
            await WaitAsync(page, "() => document.body.innerText.includes('AI triage: ABNORMAL') && document.body.innerText.includes('AI heatmap: ABNORMAL')",
                "the expanded study row to list the SR and heatmap series with the verdict", console, Path.Combine(shots, "study-list-expanded-failed.png"));
            Assert.DoesNotContain("AI triage: normal", await page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);
            await page.ScreenshotAsync(Path.Combine(shots, "study-list-expanded.png"));

            // The SR opens on its region's slice with the finding and the score in the overlay.
            foreach (var (label, verdict) in new[] { ("hemorrhage", "AI triage ABNORMAL"), ("normal", "AI triage no anomaly detected") })
            {
                var study = outputs[label];
                await OpenAsync(page, viewer, study.StudyInstanceUid, study.SrSeriesInstanceUid, null);
                var score = study.Sr.AnomalyScore!.Value.ToString("0.00", CultureInfo.InvariantCulture);
                var expected = $"{verdict}: {score} {{score}}";
                await WaitAsync(page, $"() => Array.from(document.querySelectorAll('svg text, svg tspan')).some(t => t.textContent.includes({JsonSerializer.Serialize(expected)}))",
                    $"the {label} SR overlay to show \"{expected}\"", console, Path.Combine(shots, $"sr-{label}-failed.png"));
                var overlay = await SvgTextAsync(page);
                Assert.DoesNotContain($"{score} 1", overlay, StringComparison.Ordinal);
                // No line labelled by a bare code value (OHIF prints a group-level SCT finding site as "363698007: Brain").
                Assert.DoesNotMatch(@"\b\d{6,}:", overlay);
                // OHIF draws the overlay to the region's right and never moves it back: every line must end inside the image.
                var cutOff = await page.EvaluateExpressionAsync<string[]>("""
                    (() => {
                      const r = document.querySelector('canvas.cornerstone-canvas').getBoundingClientRect();
                      return Array.from(document.querySelectorAll('svg tspan, svg text:not(:has(tspan))')).filter(t => t.textContent.trim())
                        .filter(t => { const b = t.getBoundingClientRect(); return b.right > r.right || b.left < r.left; })
                        .map(t => `${t.textContent} (${Math.round(t.getBoundingClientRect().left)}..${Math.round(t.getBoundingClientRect().right)} px, image ${Math.round(r.left)}..${Math.round(r.right)})`);
                    })()
                    """);
                Assert.True(cutOff.Length == 0, $"the {label} SR overlay runs out of the image: {string.Join("; ", cutOff)}");
                await page.ScreenshotAsync(Path.Combine(shots, $"sr-{label}.png"));
            }

            // The heatmap series opens on its summary image: the most suspicious slices and the score curve.
            await OpenAsync(page, viewer, outputs["hemorrhage"].StudyInstanceUid, outputs["hemorrhage"].HeatmapSeriesInstanceUid, null);
            await page.WaitForSelectorAsync("canvas.cornerstone-canvas");
            await Task.Delay(2500);
            await page.ScreenshotAsync(Path.Combine(shots, "heatmap-summary-hemorrhage.png"));

            // The heatmap of the lesion's largest slice has colour, and it lies inside the lesion.
            var lesion = outputs["hemorrhage"];
            var (lesionSlice, lesionBox) = lesion.LargestLesionSlice();
            var lesionColour = await HeatmapColourAsync(page, viewer, lesion, lesionSlice, Path.Combine(shots, "heatmap-hemorrhage.png"), lesion.LesionAt(lesionSlice));
            output.WriteLine($"hemorrhage heatmap of slice {lesionSlice + 1}: {lesionColour}; lesion box ({lesionBox.Left},{lesionBox.Top})-({lesionBox.Right},{lesionBox.Bottom})");
            Assert.True(lesionColour.Count > 30, $"no heatmap colour on the lesion's slice {lesionSlice + 1}: {lesionColour}");
            // About half of the mask (clot and its rim) is coloured with the demo bundle; a third is the bound.
            Assert.True(lesionColour.ShareInside >= 0.3, $"the lesion on slice {lesionSlice + 1} is mostly uncoloured: {lesionColour}");

            // The normal study's heatmaps (its most suspicious slice and its middle slice) show no colour.
            var quiet = outputs["normal"];
            foreach (var slice in new[] { quiet.Region.Index, PhantomFiles.SharedSlices / 2 }.Distinct())
            {
                // Measured over the head only: the viewer's own chrome (panels, scrollbar) may lie over the canvas' edges.
                var colour = await HeatmapColourAsync(page, viewer, quiet, slice, Path.Combine(shots, $"heatmap-normal-slice{slice + 1}.png"), quiet.HeadAt(slice));
                output.WriteLine($"normal heatmap of slice {slice + 1}: {colour}");
                // Its most suspicious slice is clean; the tiny demo model leaves a small spot (< 1 % of the head) on the middle one.
                Assert.True(colour.ShareInside < (slice == quiet.Region.Index ? 0.0005 : 0.01), $"the normal study's heatmap of slice {slice + 1} is coloured over the head: {colour}");
            }
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("ISL_VIEWER_SCREENSHOTS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                foreach (var file in Directory.GetFiles(shots))
                {
                    File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
                }
            }

            output.WriteLine($"screenshots in {shots}");
        }
    }

    private static async Task OpenAsync(IPage page, ViewerServer viewer, string study, string series, string? sop)
    {
        var url = $"{viewer.Root}viewer?StudyInstanceUIDs={study}&initialSeriesInstanceUID={series}" + (sop is null ? "" : $"&initialSOPInstanceUID={sop}");
        await page.GoToAsync(url, WaitUntilNavigation.Networkidle2);
        await Task.Delay(1000);

        // First-visit chrome that would cover the image in the screenshots: the onboarding tour and the tracking prompt.
        await page.EvaluateExpressionAsync("Array.from(document.querySelectorAll('button, a')).filter(b => ['Skip all', 'No'].includes(b.textContent.trim())).forEach(b => b.click())");
    }

    private static Task<string> SvgTextAsync(IPage page) =>
        page.EvaluateExpressionAsync<string>("Array.from(document.querySelectorAll('svg text, svg tspan')).map(t => t.textContent).join('\\n')");

    private static async Task WaitAsync(IPage page, string predicate, string what, List<string> console, string failureScreenshot)
    {
        try
        {
            await page.WaitForFunctionAsync(predicate);
        }
        catch (WaitTaskTimeoutException)
        {
            await page.ScreenshotAsync(failureScreenshot);
            string log;
            lock (console)
            {
                log = string.Join('\n', console.TakeLast(30));
            }

            throw new Xunit.Sdk.XunitException($"Timed out waiting for {what} ({page.Url}; screenshot {failureScreenshot}).\nSVG text:\n{await SvgTextAsync(page)}\nPage text:\n{await page.EvaluateExpressionAsync<string>("document.body.innerText")}\nConsole:\n{log}");
        }
    }

    private static async Task<ScreenshotColour> HeatmapColourAsync(IPage page, ViewerServer viewer, StudyOutputs study, int sliceIndex, string path, Func<int, int, bool>? region = null)
    {
        var sc = study.HeatmapOf(sliceIndex);
        await OpenAsync(page, viewer, study.StudyInstanceUid, study.HeatmapSeriesInstanceUid, sc);
        await page.WaitForSelectorAsync("canvas.cornerstone-canvas");
        await page.WaitForFunctionAsync("() => !document.querySelector('.cornerstone-viewport-element .loading-indicator, [data-cy=\"viewport-loading\"]')");
        await Task.Delay(2500); // the stack's first render after load
        var canvas = await page.QuerySelectorAsync("canvas.cornerstone-canvas");
        var png = await canvas.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png });
        // The viewer's own controls may lie over the canvas (a side panel, the cine player over the top of an OT series):
        // every element found above the canvas on a 6-pixel grid is left out of the measurement, with a 2-pixel margin.
        var covered = await page.EvaluateExpressionAsync<double[][]>("""
            (() => {
              const c = document.querySelector('canvas.cornerstone-canvas'); const r = c.getBoundingClientRect(); const seen = new Set();
              for (let y = r.top + 1; y < r.bottom; y += 6) for (let x = r.left + 1; x < r.right; x += 6) {
                const e = document.elementFromPoint(x, y); if (e && e !== c && !e.contains(c)) seen.add(e); }
              return [...seen].map(e => e.getBoundingClientRect()).map(b => [b.left - r.left - 2, b.top - r.top - 2, b.right - r.left + 2, b.bottom - r.top + 2]);
            })()
            """);
        // Where the image lies on the canvas, from cornerstone's own mapping (image → world → canvas): after a side panel
        // opens or closes, the image may stay fitted to the viewport's older size instead of centred in the canvas.
        var placement = await page.EvaluateExpressionAsync<ImagePlacement>($$"""
            (() => {
              const c = document.querySelector('canvas.cornerstone-canvas');
              const vp = window.cornerstone.getRenderingEngines().flatMap(e => e.getViewports()).find(v => v.canvas === c);
              const id = vp.getCurrentImageId();
              const at = p => vp.worldToCanvas(window.cornerstone.utilities.imageToWorldCoords(id, p)).map(v => v * window.devicePixelRatio);
              const [first, last] = [at([0, 0]), at([{{study.Phantom.Columns - 1}}, 0])];
              const scale = (last[0] - first[0]) / {{study.Phantom.Columns - 1}};
              return { imageId: id, left: first[0] - scale / 2, top: first[1] - scale / 2, scale };
            })()
            """);
        Assert.True(placement.ImageId.Contains(sc, StringComparison.Ordinal), $"the viewport shows {placement.ImageId}, not the heatmap of slice {sliceIndex + 1} ({sc})");
        await File.WriteAllBytesAsync(path, png);
        return ScreenshotColour.Measure(png, (placement.Left, placement.Top, placement.Scale), study.Phantom.Columns, study.Phantom.Rows, region, covered.Select(b => (b[0], b[1], b[2], b[3])).ToList());
    }

    /// <summary>Where cornerstone draws the image on the canvas (screenshot pixels) and which image it is.</summary>
    private sealed record ImagePlacement(string ImageId, double Left, double Top, double Scale);
}
